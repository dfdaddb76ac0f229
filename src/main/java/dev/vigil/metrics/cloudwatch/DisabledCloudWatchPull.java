package dev.vigil.metrics.cloudwatch;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * When CloudWatch is off, removes a pull job left in the JDBC job store from a time it was on: the job
 * would otherwise fire with no puller to run and put its trigger in the error state. Nodes sharing a
 * database must therefore agree on {@code vigil.cloudwatch.enabled}.
 */
@Component
@ConditionalOnBooleanProperty(name = "vigil.cloudwatch.enabled", havingValue = false, matchIfMissing = true)
class DisabledCloudWatchPull implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DisabledCloudWatchPull.class);

    private final ObjectProvider<Scheduler> scheduler;

    DisabledCloudWatchPull(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    // Runs before the scheduler starts (it starts with the context's lifecycle), so the job never fires.
    @Override
    public void afterSingletonsInstantiated() {
        scheduler.ifAvailable(quartz -> {
            try {
                if (quartz.deleteJob(CloudWatchPullJob.KEY)) {
                    log.info("CloudWatch pull is disabled; removed its job from the scheduler");
                }
            } catch (SchedulerException e) {
                log.warn("Could not remove the CloudWatch pull job: {}", e.toString());
            }
        });
    }
}

package dev.vigil.metrics.demo;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The job store outlives configuration: when the demo is switched off, its job stored by an earlier
 * run must go, or it would keep firing without a generator behind it.
 */
@Component
@ConditionalOnBooleanProperty(name = "vigil.demo.enabled", havingValue = false)
class DemoJobRemoval {

    private static final Logger log = LoggerFactory.getLogger(DemoJobRemoval.class);
    private final Scheduler scheduler;

    DemoJobRemoval(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void removeStoredDemoJob() throws SchedulerException {
        if (scheduler.deleteJob(DemoConfiguration.DEMO)) {
            log.info("Demo metrics are off: removed the demo job stored by an earlier run");
        }
    }
}

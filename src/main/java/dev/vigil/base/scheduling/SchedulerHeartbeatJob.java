package dev.vigil.base.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Records, on every firing, that the Quartz scheduler of this node is alive and firing jobs. */
@DisallowConcurrentExecution
class SchedulerHeartbeatJob extends QuartzJobBean {

    private final SchedulerHeartbeats heartbeats;

    SchedulerHeartbeatJob(SchedulerHeartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            heartbeats.record(context.getScheduler().getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Scheduler has no instance id", e);
        }
    }
}

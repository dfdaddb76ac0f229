package dev.vigil.base.scheduling;

import java.time.Duration;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** How every module declares its Quartz jobs, so all of them treat downtime the same way. */
public final class Schedules {

    private Schedules() {
    }

    /** A job stored in the clustered job store under {@code key}. */
    public static JobDetail durableJob(Class<? extends Job> type, JobKey key, String description) {
        return JobBuilder.newJob(type).withIdentity(key).withDescription(description).storeDurably().build();
    }

    /**
     * A trigger with the job's own name and group that fires it every {@code interval}. After downtime
     * (or a node's death) it fires once, not a burst of catch-up runs.
     */
    public static Trigger every(JobKey job, Duration interval) {
        return TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity(job.getName(), job.getGroup())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

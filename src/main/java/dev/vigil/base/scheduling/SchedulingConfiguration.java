package dev.vigil.base.scheduling;

import java.time.Clock;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heartbeat job, and the one {@link Clock} every module reads time from. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JobDetail schedulerHeartbeatJob() {
        return JobBuilder.newJob(SchedulerHeartbeatJob.class)
                .withIdentity("schedulerHeartbeat", "vigil")
                .withDescription("Records that the scheduler is alive")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger schedulerHeartbeatTrigger(JobDetail schedulerHeartbeatJob) {
        return TriggerBuilder.newTrigger()
                .forJob(schedulerHeartbeatJob)
                .withIdentity("schedulerHeartbeat", "vigil")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(SchedulerHeartbeats.INTERVAL.toMillis())
                        .repeatForever()
                        // After downtime one beat is enough: no burst of catch-up runs.
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

package dev.vigil.base.scheduling;

import java.time.Clock;

import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heartbeat job, and the one {@link Clock} every module reads time from. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    private static final JobKey HEARTBEAT = JobKey.jobKey("schedulerHeartbeat", "vigil");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JobDetail schedulerHeartbeatJob() {
        return Schedules.durableJob(SchedulerHeartbeatJob.class, HEARTBEAT, "Records that the scheduler is alive");
    }

    @Bean
    Trigger schedulerHeartbeatTrigger() {
        return Schedules.every(HEARTBEAT, SchedulerHeartbeats.INTERVAL);
    }
}

package dev.vigil.metrics;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metrics module's Quartz jobs: rollups and retention. */
@Configuration(proxyBeanMethods = false)
class MetricsScheduling {

    @Bean
    JobDetail metricsRollupJob() {
        return JobBuilder.newJob(RollupJob.class).withIdentity("rollup", "metrics")
                .withDescription("Computes pending 1-minute and 1-hour rollups").storeDurably().build();
    }

    @Bean
    Trigger metricsRollupTrigger(JobDetail metricsRollupJob, MetricsProperties properties) {
        return every(metricsRollupJob, "rollup", properties.rollupInterval().toMillis());
    }

    @Bean
    JobDetail metricsRetentionJob() {
        return JobBuilder.newJob(RetentionJob.class).withIdentity("retention", "metrics")
                .withDescription("Deletes samples and rollups past their retention").storeDurably().build();
    }

    @Bean
    Trigger metricsRetentionTrigger(JobDetail metricsRetentionJob, MetricsProperties properties) {
        return every(metricsRetentionJob, "retention", properties.retention().checkEvery().toMillis());
    }

    private static Trigger every(JobDetail job, String name, long millis) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(name, "metrics")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(millis).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

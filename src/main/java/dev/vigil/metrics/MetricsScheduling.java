package dev.vigil.metrics;

import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vigil.base.scheduling.Schedules;

/** The metrics module's Quartz jobs: rollups and retention. */
@Configuration(proxyBeanMethods = false)
class MetricsScheduling {

    private static final JobKey ROLLUP = JobKey.jobKey("rollup", "metrics");
    private static final JobKey RETENTION = JobKey.jobKey("retention", "metrics");

    @Bean
    JobDetail metricsRollupJob() {
        return Schedules.durableJob(RollupJob.class, ROLLUP, "Computes pending 1-minute and 1-hour rollups");
    }

    @Bean
    Trigger metricsRollupTrigger(MetricsProperties properties) {
        return Schedules.every(ROLLUP, properties.rollupInterval());
    }

    @Bean
    JobDetail metricsRetentionJob() {
        return Schedules.durableJob(RetentionJob.class, RETENTION, "Deletes samples and rollups past their retention");
    }

    @Bean
    Trigger metricsRetentionTrigger(MetricsProperties properties) {
        return Schedules.every(RETENTION, properties.retention().checkEvery());
    }
}

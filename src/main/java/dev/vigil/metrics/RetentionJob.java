package dev.vigil.metrics;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Deletes raw samples and rollups older than their resolution's retention (spec.md defaults: 7 d, 90 d, 2 y). */
@DisallowConcurrentExecution
class RetentionJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final SampleRepository samples;
    private final RollupRepository rollups;
    private final MetricsProperties.Retention retention;
    private final Clock clock;

    RetentionJob(SampleRepository samples, RollupRepository rollups, MetricsProperties properties, Clock clock) {
        this.samples = samples;
        this.rollups = rollups;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        long now = clock.millis();
        int raw = samples.deleteOlderThan(now - retention.raw().toMillis());
        int minutes = rollups.deleteOlderThan(SampleWriter.MINUTE, now - retention.oneMinute().toMillis());
        int hours = rollups.deleteOlderThan(SampleWriter.HOUR, now - retention.oneHour().toMillis());
        if (raw + minutes + hours > 0) {
            log.info("Retention removed {} raw samples, {} 1-minute and {} 1-hour rollups", raw, minutes, hours);
        }
    }
}

package dev.vigil.reporting;

import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Generates and archives the reports of the period that ended before the scheduled fire time (not
 * "now": a run delayed by downtime still reports the period it was meant for).
 */
@DisallowConcurrentExecution
class ReportJob extends QuartzJobBean {

    static final String PERIOD = "period";

    private final ReportArchiver archiver;
    private final ReportingProperties properties;

    ReportJob(ReportArchiver archiver, ReportingProperties properties) {
        this.archiver = archiver;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (!properties.scheduleEnabled()) {
            return;
        }
        Period period = Period.valueOf(context.getMergedJobDataMap().getString(PERIOD));
        Instant firedFor = context.getScheduledFireTime() == null ? Instant.now()
                : context.getScheduledFireTime().toInstant();
        archiver.archiveAll(ReportWindow.lastComplete(period, firedFor, properties.zone()));
    }
}

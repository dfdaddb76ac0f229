package dev.vigil.reporting;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vigil.base.scheduling.Schedules;

/**
 * The report jobs on the clustered Quartz store (each firing runs on one node): daily at
 * {@code vigil.reporting.generate-at}, weekly on Mondays and monthly on the 1st at the same time, in
 * {@code vigil.reporting.zone}. After downtime a missed firing runs once at start ("fire and proceed"):
 * a report is worth making late, and the archive makes a second run a no-op.
 */
@Configuration(proxyBeanMethods = false)
class ReportScheduling {

    static final String GROUP = "reporting";

    @Bean
    JobDetail dailyReportJob() {
        return job(Period.DAILY);
    }

    @Bean
    JobDetail weeklyReportJob() {
        return job(Period.WEEKLY);
    }

    @Bean
    JobDetail monthlyReportJob() {
        return job(Period.MONTHLY);
    }

    @Bean
    Trigger dailyReportTrigger(ReportingProperties properties) {
        return trigger(Period.DAILY, cron(properties, "* * ?"), properties);
    }

    @Bean
    Trigger weeklyReportTrigger(ReportingProperties properties) {
        return trigger(Period.WEEKLY, cron(properties, "? * MON"), properties);
    }

    @Bean
    Trigger monthlyReportTrigger(ReportingProperties properties) {
        return trigger(Period.MONTHLY, cron(properties, "1 * ?"), properties);
    }

    static JobKey key(Period period) {
        return JobKey.jobKey(period.apiName() + "-report", GROUP);
    }

    /** Seconds, minutes and hours from {@code generate-at}, then the day fields. */
    static String cron(ReportingProperties properties, String days) {
        return "0 " + properties.generateAt().getMinute() + " " + properties.generateAt().getHour() + " " + days;
    }

    private static JobDetail job(Period period) {
        JobDetail job = Schedules.durableJob(ReportJob.class, key(period),
                "Generates, archives and announces the " + period.apiName() + " reports");
        job.getJobDataMap().put(ReportJob.PERIOD, period.name());
        return job;
    }

    private static Trigger trigger(Period period, String cron, ReportingProperties properties) {
        JobKey job = key(period);
        return TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity(job.getName(), job.getGroup())
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone(properties.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}

package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vigil.VigilIntegrationTest;

/** The report jobs are on the clustered Quartz store with the schedule of the issue. */
@VigilIntegrationTest
class ReportSchedulingIntegrationTests {

    @Autowired
    Scheduler scheduler;

    @ParameterizedTest
    @CsvSource({
            "daily-report, 0 0 7 * * ?",
            "weekly-report, 0 0 7 ? * MON",
            "monthly-report, 0 0 7 1 * ?"})
    void eachPeriodHasACronTriggerAtSevenInTheConfiguredZone(String name, String cron) throws SchedulerException {
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(name, ReportScheduling.GROUP));

        assertThat(trigger.getCronExpression()).isEqualTo(cron);
        assertThat(trigger.getTimeZone()).isEqualTo(TimeZone.getTimeZone("UTC"));
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(scheduler.getJobDetail(trigger.getJobKey()).getJobDataMap().getString(ReportJob.PERIOD))
                .isEqualTo(name.replace("-report", "").toUpperCase());
    }
}

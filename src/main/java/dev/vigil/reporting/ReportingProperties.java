package dev.vigil.reporting;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vigil.reporting.*}: the time zone that report periods and the schedule follow (a day is
 * midnight to midnight there) and when scheduled reports are generated: daily at {@code generate-at},
 * weekly on Mondays, monthly on the 1st, each for the period that just ended.
 */
@ConfigurationProperties("vigil.reporting")
record ReportingProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("07:00") LocalTime generateAt,
        @DefaultValue("true") boolean scheduleEnabled) {
}

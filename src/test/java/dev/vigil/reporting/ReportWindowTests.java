package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportWindowTests {

    @ParameterizedTest(name = "{0} containing {1} in {2}: {3} to {4}")
    @CsvSource({
            "DAILY, 2026-11-27, UTC, 2026-11-27T00:00:00Z, 2026-11-28T00:00:00Z, 24",
            // the spring-forward day in Berlin has 23 hours, the fall-back day 25
            "DAILY, 2026-03-29, Europe/Berlin, 2026-03-28T23:00:00Z, 2026-03-29T22:00:00Z, 23",
            "DAILY, 2026-10-25, Europe/Berlin, 2026-10-24T22:00:00Z, 2026-10-25T23:00:00Z, 25",
            // a week is Monday to Monday; a Sunday belongs to the week that started six days before
            "WEEKLY, 2026-11-29, UTC, 2026-11-23T00:00:00Z, 2026-11-30T00:00:00Z, 168",
            // a week across a month end and the New Year
            "WEEKLY, 2027-01-01, UTC, 2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z, 168",
            // October in Berlin starts in summer time (UTC+2) and ends in winter time (UTC+1): 745 hours
            "MONTHLY, 2026-10-17, Europe/Berlin, 2026-09-30T22:00:00Z, 2026-10-31T23:00:00Z, 745",
            "MONTHLY, 2026-03-31, Europe/Berlin, 2026-02-28T23:00:00Z, 2026-03-31T22:00:00Z, 743",
            "MONTHLY, 2028-02-10, UTC, 2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z, 696",
            "MONTHLY, 2026-11-30, America/New_York, 2026-11-01T04:00:00Z, 2026-12-01T05:00:00Z, 721"})
    void aPeriodRunsFromLocalMidnightToLocalMidnight(Period period, LocalDate date, ZoneId zone, Instant from,
            Instant to, long hours) {
        ReportWindow window = ReportWindow.containing(period, date, zone);

        assertThat(window.from()).isEqualTo(from);
        assertThat(window.to()).isEqualTo(to);
        assertThat(Duration.between(window.from(), window.to()).toHours()).isEqualTo(hours);
    }

    @ParameterizedTest(name = "the last complete {0} at {1} in {2} starts {3}")
    @CsvSource({
            "DAILY, 2026-12-01T07:00:00Z, UTC, 2026-11-30",
            // 06:30 UTC on the 1st is already 07:30 in Berlin: November is over there
            "MONTHLY, 2026-12-01T06:30:00Z, Europe/Berlin, 2026-11-01",
            // 23:30 UTC on 30 November is still November in UTC
            "MONTHLY, 2026-11-30T23:30:00Z, UTC, 2026-10-01",
            "MONTHLY, 2026-11-30T23:30:00Z, Europe/Berlin, 2026-11-01",
            "WEEKLY, 2026-11-30T07:00:00Z, UTC, 2026-11-23",
            "MONTHLY, 2027-01-01T07:00:00Z, UTC, 2026-12-01"})
    void theScheduleReportsThePeriodThatJustEnded(Period period, Instant at, ZoneId zone, LocalDate start) {
        assertThat(ReportWindow.lastComplete(period, at, zone).start()).isEqualTo(start);
    }

    @ParameterizedTest
    @CsvSource({
            "MONTHLY, 2026-03-01, 2026-02-01, 2026-02-28",
            "MONTHLY, 2026-01-01, 2025-12-01, 2025-12-31",
            "WEEKLY, 2026-01-05, 2025-12-29, 2026-01-04",
            "DAILY, 2026-03-01, 2026-02-28, 2026-02-28"})
    void thePreviousPeriodIsTheOneBeforeAcrossMonthAndYearEnds(Period period, LocalDate date, LocalDate start,
            LocalDate last) {
        ReportWindow previous = ReportWindow.containing(period, date, ZoneId.of("UTC")).previous();

        assertThat(previous.start()).isEqualTo(start);
        assertThat(previous.lastDay()).isEqualTo(last);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DAILY|2026-11-27|checkout|Daily report · checkout · 2026-11-27",
            "WEEKLY|2026-11-27|checkout|Weekly report · checkout · Week 48, 2026",
            "MONTHLY|2026-11-27||Monthly report · all services · November 2026"})
    void titlesNameThePeriodAndTheService(Period period, LocalDate date, String service, String title) {
        assertThat(ReportWindow.containing(period, date, ZoneId.of("UTC")).title(service)).isEqualTo(title);
    }
}

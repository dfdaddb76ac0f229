package dev.vigil.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The calendar period a report covers, in a time zone: from the start of its first day to the start of
 * the day after its last. A day across a DST change is 23 or 25 hours long, and a month is as long as
 * the calendar says, so periods are computed on local dates, never by adding durations to instants.
 */
record ReportWindow(Period period, LocalDate start, ZoneId zone) {

    /** The period of the given kind that contains {@code date}. */
    static ReportWindow containing(Period period, LocalDate date, ZoneId zone) {
        LocalDate start = switch (period) {
            case DAILY -> date;
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> date.withDayOfMonth(1);
        };
        return new ReportWindow(period, start, zone);
    }

    /** The last period that ended at or before {@code now}: yesterday, last week, last month. */
    static ReportWindow lastComplete(Period period, Instant now, ZoneId zone) {
        return containing(period, LocalDate.ofInstant(now, zone), zone).previous();
    }

    /** The first day after the period. */
    LocalDate endExclusive() {
        return switch (period) {
            case DAILY -> start.plusDays(1);
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
        };
    }

    LocalDate lastDay() {
        return endExclusive().minusDays(1);
    }

    Instant from() {
        return start.atStartOfDay(zone).toInstant();
    }

    Instant to() {
        return endExclusive().atStartOfDay(zone).toInstant();
    }

    ReportWindow previous() {
        return new ReportWindow(period, switch (period) {
            case DAILY -> start.minusDays(1);
            case WEEKLY -> start.minusWeeks(1);
            case MONTHLY -> start.minusMonths(1);
        }, zone);
    }

    /** "2026-11-27", "Week 48, 2026", "November 2026". */
    String label() {
        return switch (period) {
            case DAILY -> start.toString();
            case WEEKLY -> "Week " + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", "
                    + start.get(IsoFields.WEEK_BASED_YEAR);
            case MONTHLY -> start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear();
        };
    }

    String title(String service) {
        String kind = switch (period) {
            case DAILY -> "Daily";
            case WEEKLY -> "Weekly";
            case MONTHLY -> "Monthly";
        };
        return kind + " report · " + (service == null ? "all services" : service) + " · " + label();
    }
}

package dev.vigil.incident.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.vigil.incident.Incident;

/** How the incident screens word moments and spans: a responder wants "4 min ago" more than a date. */
final class IncidentTexts {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZONE);

    private IncidentTexts() {
    }

    /** "3m 20s", "2h 5m", "4d 3h": the two largest units are enough to compare incidents. */
    static String span(Duration duration) {
        long total = Math.abs(duration.toSeconds());
        long[] amounts = {total / 86_400, total % 86_400 / 3600, total % 3600 / 60, total % 60};
        String[] units = {"d", "h", "m", "s"};
        int first = 0;
        while (first < amounts.length - 1 && amounts[first] == 0) {
            first++;
        }
        String text = amounts[first] + units[first];
        if (first < amounts.length - 1 && amounts[first + 1] > 0) {
            text += " " + amounts[first + 1] + units[first + 1];
        }
        return text;
    }

    /** "4m 10s ago", or "in 3h" for a moment still to come (an RCA deadline). */
    static String relative(Instant at, Instant now) {
        Duration gap = Duration.between(at, now);
        return gap.isNegative() ? "in " + span(gap) : span(gap) + " ago";
    }

    /** Today's moments by the clock alone, older ones with their date. */
    static String moment(Instant at, Instant now) {
        boolean today = LocalDate.ofInstant(at, ZONE).equals(LocalDate.ofInstant(now, ZONE));
        return today ? CLOCK.format(at) : DAY_AND_CLOCK.format(at);
    }

    /** "10:42:13 (4m ago)"; empty for a moment that has not happened. */
    static String when(Instant at, Instant now) {
        return at == null ? "" : moment(at, now) + " (" + relative(at, now) + ")";
    }

    /** How long after triggering it was acknowledged (the incident's share of MTTA); empty if not yet. */
    static String acknowledgedAfter(Incident incident) {
        return incident.acknowledgedAt() == null ? ""
                : span(Duration.between(incident.triggeredAt(), incident.acknowledgedAt()));
    }

    /** The level paged last, counted from 1 as the timeline does; 0 means nobody has been paged yet. */
    static String level(Incident incident) {
        return incident.escalationLevel() == 0 ? "not paged" : "level " + incident.escalationLevel();
    }

    static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}

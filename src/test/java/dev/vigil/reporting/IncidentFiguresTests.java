package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.alerting.Severity;
import dev.vigil.incident.IncidentRecord;
import dev.vigil.reporting.Report.Incidents;

class IncidentFiguresTests {

    private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-10T00:00:00Z");

    @Test
    void mttaAndMttrAreMeansOverTheIncidentsThatGotThere() {
        // acked after 2, 4 and (never) minutes; resolved after 30, 90 and (never)
        List<IncidentRecord> incidents = List.of(
                incident("INC-1", Severity.CRITICAL, T, min(2), min(30), null, 0, 0),
                incident("INC-2", Severity.HIGH, T.plusSeconds(3600), min(4), min(90), null, 0, 0),
                incident("INC-3", Severity.HIGH, T.plusSeconds(7200), null, null, null, 0, 0));

        Incidents figures = IncidentFigures.of(incidents, NOW);

        assertThat(figures.total()).isEqualTo(3);
        assertThat(figures.mttaMinutes()).isCloseTo(3.0, within(1e-9));
        assertThat(figures.mttrMinutes()).isCloseTo(60.0, within(1e-9));
        assertThat(figures.bySeverity()).containsExactly(java.util.Map.entry("critical", 1),
                java.util.Map.entry("high", 2), java.util.Map.entry("medium", 0), java.util.Map.entry("low", 0));
    }

    @Test
    void anIncidentResolvedWithoutAcknowledgementCountsForMttrOnly() {
        Incidents figures = IncidentFigures.of(List.of(
                incident("INC-1", Severity.LOW, T, null, min(10), null, 0, 0),
                incident("INC-2", Severity.LOW, T, min(6), min(20), null, 0, 0)), NOW);

        assertThat(figures.mttaMinutes()).isCloseTo(6.0, within(1e-9));
        assertThat(figures.mttrMinutes()).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void rcaShareCountsWrittenOrOverdueRcasAndOnTimeMeansWithin24HoursOfResolution() {
        Duration resolved = min(30);
        List<IncidentRecord> incidents = List.of(
                // on time: 23 h after resolution
                incident("INC-1", Severity.HIGH, T, min(1), resolved, T.plus(resolved).plus(Duration.ofHours(23)), 1, 2),
                // exactly 24 h: still on time
                incident("INC-2", Severity.HIGH, T, min(1), resolved, T.plus(resolved).plus(Duration.ofHours(24)), 0, 1),
                // late: 30 h
                incident("INC-3", Severity.HIGH, T, min(1), resolved, T.plus(resolved).plus(Duration.ofHours(30)), 2, 0),
                // overdue and missing
                incident("INC-4", Severity.HIGH, T, min(1), resolved, null, 0, 0),
                // resolved just before NOW, no RCA yet: not due, not counted
                incident("INC-5", Severity.HIGH, NOW.minus(Duration.ofHours(2)), min(1), min(30), null, 0, 0),
                // unresolved: no RCA due
                incident("INC-6", Severity.HIGH, T, null, null, null, 0, 0));

        Incidents figures = IncidentFigures.of(incidents, NOW);

        assertThat(figures.rcasCounted()).isEqualTo(4);
        assertThat(figures.rcaWithin24hPct()).isCloseTo(50.0, within(1e-9));
        assertThat(figures.measuresOpen()).isEqualTo(3);
        assertThat(figures.measuresDone()).isEqualTo(3);
    }

    @Test
    void theLongestIncidentMayBeOneStillOpen() {
        Incidents figures = IncidentFigures.of(List.of(
                incident("INC-1", Severity.HIGH, T, min(1), Duration.ofHours(5), null, 0, 0),
                incident("INC-2", Severity.MEDIUM, NOW.minus(Duration.ofHours(6)), null, null, null, 0, 0)), NOW);

        assertThat(figures.longest().id()).isEqualTo("INC-2");
        assertThat(figures.longest().open()).isTrue();
        assertThat(figures.longest().minutes()).isCloseTo(360.0, within(1e-9));
    }

    @Test
    void aQuietPeriodHasNoMeansAndNoLongest() {
        Incidents figures = IncidentFigures.of(List.of(), NOW);

        assertThat(figures.total()).isZero();
        assertThat(figures.mttaMinutes()).isNull();
        assertThat(figures.mttrMinutes()).isNull();
        assertThat(figures.longest()).isNull();
        assertThat(figures.rcaWithin24hPct()).isNull();
    }

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static IncidentRecord incident(String id, Severity severity, Instant triggered, Duration ackAfter,
            Duration resolveAfter, Instant rca, int open, int done) {
        return new IncidentRecord(id, "title " + id, "checkout", severity, triggered,
                ackAfter == null ? null : triggered.plus(ackAfter),
                resolveAfter == null ? null : triggered.plus(resolveAfter), rca, open, done);
    }
}

package dev.vigil.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.vigil.alerting.Severity;
import dev.vigil.incident.IncidentRecord;
import dev.vigil.reporting.Report.Incidents;
import dev.vigil.reporting.Report.Longest;

/**
 * The incident analysis of a period from the incidents triggered in it. MTTA = acknowledged −
 * triggered over the acknowledged ones; MTTR = resolved − triggered over the resolved ones (spec.md).
 * The RCA share counts resolved incidents whose RCA is written or already overdue at {@code now}; one
 * still inside its 24 h is neither on time nor late yet.
 */
final class IncidentFigures {

    static final Duration RCA_DUE = Duration.ofHours(24);

    private IncidentFigures() {
    }

    static Incidents of(List<IncidentRecord> incidents, Instant now) {
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(s.apiName(), (int) incidents.stream().filter(i -> i.severity() == s).count());
        }
        Double mtta = meanMinutes(incidents, IncidentRecord::acknowledgedAt);
        Double mttr = meanMinutes(incidents, IncidentRecord::resolvedAt);
        int counted = 0;
        int onTime = 0;
        for (IncidentRecord i : incidents) {
            if (i.resolvedAt() == null) {
                continue;
            }
            Instant due = i.resolvedAt().plus(RCA_DUE);
            boolean written = i.rcaWrittenAt() != null;
            if (written || now.isAfter(due)) {
                counted++;
                if (written && !i.rcaWrittenAt().isAfter(due)) {
                    onTime++;
                }
            }
        }
        return new Incidents(incidents.size(), bySeverity, mtta, mttr, longest(incidents, now),
                counted == 0 ? null : 100.0 * onTime / counted, counted,
                incidents.stream().mapToInt(IncidentRecord::measuresOpen).sum(),
                incidents.stream().mapToInt(IncidentRecord::measuresDone).sum());
    }

    private static Double meanMinutes(List<IncidentRecord> incidents, Function<IncidentRecord, Instant> end) {
        return incidents.stream().filter(i -> end.apply(i) != null)
                .mapToDouble(i -> Duration.between(i.triggeredAt(), end.apply(i)).toMillis() / 60_000.0)
                .average().stream().boxed().findFirst().orElse(null);
    }

    private static Longest longest(List<IncidentRecord> incidents, Instant now) {
        Longest longest = null;
        for (IncidentRecord i : incidents) {
            boolean open = i.resolvedAt() == null;
            Instant end = open ? now : i.resolvedAt();
            double minutes = Duration.between(i.triggeredAt(), end).toMillis() / 60_000.0;
            if (longest == null || minutes > longest.minutes()) {
                longest = new Longest(i.id(), i.title(), i.service(), minutes, open);
            }
        }
        return longest;
    }
}

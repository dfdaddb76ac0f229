package dev.vigil.incident;

import java.time.Instant;

import dev.vigil.alerting.Severity;

/** A new incident was opened (not a re-trigger of an open one). */
public record IncidentOpened(String incidentId, String title, String service, Severity severity, String dedupKey,
        IncidentSource source, Instant at) {
}

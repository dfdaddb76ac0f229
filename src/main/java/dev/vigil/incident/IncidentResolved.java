package dev.vigil.incident;

import java.time.Instant;

/** An incident was resolved, by a person or automatically when its alert recovered. */
public record IncidentResolved(String incidentId, String by, boolean automatic, Instant at) {
}

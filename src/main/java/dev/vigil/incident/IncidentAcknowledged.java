package dev.vigil.incident;

import java.time.Instant;

/** Somebody took an incident. */
public record IncidentAcknowledged(String incidentId, String by, Instant at) {
}

package dev.vigil.incident;

import java.time.Instant;

/** Nobody acknowledged in time: the incident moved to the next level (or, exhausted, to the manager). */
public record IncidentEscalated(String incidentId, int level, int cycle, boolean exhausted, Instant at) {
}

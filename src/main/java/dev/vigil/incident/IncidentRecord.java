package dev.vigil.incident;

import java.time.Instant;

import dev.vigil.alerting.Severity;

/**
 * The facts of one incident that reports count: severity, when it was triggered, acknowledged and
 * resolved, when its root-cause analysis was first written, and how many prevention measures are
 * open and done. Null times mean "has not happened".
 */
public record IncidentRecord(String id, String title, String service, Severity severity, Instant triggeredAt,
        Instant acknowledgedAt, Instant resolvedAt, Instant rcaWrittenAt, int measuresOpen, int measuresDone) {
}

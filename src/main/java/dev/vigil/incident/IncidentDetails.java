package dev.vigil.incident;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.vigil.notification.Notification;

/** The single-incident read of {@code api.md}: the incident plus timeline, RCA and notifications. */
public record IncidentDetails(@JsonUnwrapped Incident incident, List<TimelineEntry> timeline, RootCauseAnalysis rca,
        java.time.Instant rcaDueAt, List<Notification> notifications) {
}

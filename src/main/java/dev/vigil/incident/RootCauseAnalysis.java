package dev.vigil.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The RCA of an incident: the root cause, contributing factors and prevention measures, each with an
 * owner, a due date and a status. {@code dueAt} is 24 h after resolution.
 */
public record RootCauseAnalysis(String rootCause, String contributingFactors, String author, Instant writtenAt,
        Instant dueAt, List<PreventionMeasure> preventionMeasures) {

    public RootCauseAnalysis {
        preventionMeasures = preventionMeasures == null ? List.of() : List.copyOf(preventionMeasures);
    }

    /** One action that keeps the incident from happening again. */
    public record PreventionMeasure(String description, String owner, LocalDate dueDate, Status status) {
    }

    /** Whether a prevention measure is done. */
    public enum Status {
        OPEN, DONE
    }
}

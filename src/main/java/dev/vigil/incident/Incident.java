package dev.vigil.incident;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.vigil.alerting.Severity;

/**
 * An incident as the API shows it ({@code api.md}): human id {@code INC-n}, status, dedup key, source,
 * alert count, escalation level, assignee and timestamps, plus what the alert said (labels, runbook,
 * silence).
 */
public record Incident(String id, String title, String service, Severity severity, IncidentStatus status,
        String dedupKey, IncidentSource source, int alertCount, int escalationLevel, String escalationPolicy,
        String assignee, Instant triggeredAt, Instant acknowledgedAt, Instant resolvedAt, Instant closedAt,
        String ruleId, String runbookUrl, String silencedBy, Map<String, String> details) {

    public static final String PREFIX = "INC-";

    public Incident {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @JsonIgnore
    public long number() {
        return number(id);
    }

    static long number(String id) {
        return Long.parseLong(id.substring(PREFIX.length()));
    }

    static String id(long number) {
        return PREFIX + number;
    }
}

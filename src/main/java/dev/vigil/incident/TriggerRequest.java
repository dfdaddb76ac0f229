package dev.vigil.incident;

import java.util.Map;

import dev.vigil.alerting.Severity;

/**
 * Something wants an incident for {@code dedupKey}: an alert rule, the events API, Alertmanager or a
 * person. An open incident with the key is joined instead of opening another.
 *
 * @param escalationPolicy the policy to page with; null means the service's, else the default one
 */
public record TriggerRequest(String dedupKey, String title, String service, Severity severity, IncidentSource source,
        String escalationPolicy, String ruleId, String runbookUrl, String silencedBy, Map<String, String> details) {

    public TriggerRequest {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}

package dev.vigil.base;

import java.util.Map;

/**
 * A valid body for each endpoint that takes one, in the shapes of api.md. The fuzz never sends these as
 * they are: it breaks one field at a time, so each refusal is about that field and nothing else.
 * {@code ${name}} placeholders are fixtures the fuzz creates first (a user, a service, ...).
 */
final class ExampleBodies {

    private static final String RULE = """
            {"name": "fuzz rule", "service": "${service}", "severity": "critical",
             "query": {"metric": "fuzz.latency_ms", "labels": {"stat": "p95"}, "aggregation": "avg", "window": "PT5M"},
             "condition": {"comparator": ">", "threshold": 500}, "recovery": {"threshold": 400},
             "pendingFor": "PT1M", "datapoints": {"n": 3, "m": 5}, "missingData": "ignore",
             "evaluateEvery": "PT1M", "escalationPolicy": "${policy}", "runbookUrl": "https://runbooks.example/fuzz",
             "enabled": true}""";
    private static final String TEAM = """
            {"name": "fuzz team ${suffix}", "manager": "${user}", "members": ["${user}"]}""";
    private static final String SERVICE = """
            {"name": "fuzz service ${suffix}", "team": "${team}", "escalationPolicy": "${policy}"}""";
    private static final String POLICY = """
            {"name": "fuzz policy ${suffix}", "repeat": 1,
             "levels": [{"timeout": "PT5M", "targets": [{"type": "USER", "ref": "${user}"}]}]}""";
    private static final String SCHEDULE = """
            {"name": "fuzz schedule ${suffix}", "timeZone": "Europe/Berlin",
             "layers": [{"name": "primary", "start": "2026-11-02T09:00", "rotation": "weekly", "handoffTime": "09:00",
                         "participants": ["${user}"]}]}""";
    private static final String CONTACT_METHODS = """
            {"contactMethods": [{"type": "SMS", "address": "+15550001111"}]}""";

    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/metrics", """
                    {"samples": [{"metric": "fuzz.latency_ms", "labels": {"service": "fuzz", "stat": "p95"},
                                  "timestamp": "${now}", "value": 180.0}]}"""),
            Map.entry("POST /api/v1/rules", RULE),
            Map.entry("PUT /api/v1/rules/{id}", RULE),
            Map.entry("POST /api/v1/silences", """
                    {"matchers": [{"name": "rule", "operator": "=", "value": "fuzz"}], "duration": "PT10M",
                     "comment": "maintenance"}"""),
            Map.entry("POST /api/v1/incidents", """
                    {"title": "Checkout is slow", "service": "${service}", "severity": "high"}"""),
            Map.entry("PUT /api/v1/incidents/{id}/rca", """
                    {"rootCause": "A slow query", "contributingFactors": "No index",
                     "preventionMeasures": [{"description": "Add the index", "owner": "${user}",
                                             "dueDate": "2027-01-15", "status": "DONE"}]}"""),
            Map.entry("POST /v2/enqueue", """
                    {"routing_key": "${key}", "event_action": "trigger", "dedup_key": "fuzz-${suffix}",
                     "payload": {"summary": "Disk full", "source": "db-1", "severity": "critical", "component": "disk",
                                 "group": "db", "class": "capacity", "timestamp": "${now}"},
                     "links": [{"href": "https://runbooks.example/disk", "text": "Runbook"}]}"""),
            Map.entry("POST /api/v1/integrations/alertmanager/{integrationKey}", """
                    {"version": "4", "groupKey": "{}:{alertname=\\"DiskFull\\"}", "status": "firing", "receiver": "vigil",
                     "groupLabels": {"alertname": "DiskFull"}, "commonLabels": {"alertname": "DiskFull"},
                     "commonAnnotations": {"summary": "Disk full"}, "externalURL": "http://alertmanager.example",
                     "alerts": [{"status": "firing", "labels": {"alertname": "DiskFull", "severity": "critical"},
                                 "annotations": {"summary": "Disk full on db-1"}, "startsAt": "${now}",
                                 "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus.example/graph",
                                 "fingerprint": "fuzz${suffix}"}]}"""),
            Map.entry("POST /api/v1/teams", TEAM),
            Map.entry("PUT /api/v1/teams/{id}", TEAM),
            Map.entry("POST /api/v1/services", SERVICE),
            Map.entry("PUT /api/v1/services/{id}", SERVICE),
            Map.entry("POST /api/v1/escalation-policies", POLICY),
            Map.entry("PUT /api/v1/escalation-policies/{id}", POLICY),
            Map.entry("POST /api/v1/schedules", SCHEDULE),
            Map.entry("PUT /api/v1/schedules/{id}", SCHEDULE),
            Map.entry("POST /api/v1/schedules/{id}/overrides", """
                    {"user": "${user}", "start": "${tomorrow}", "end": "${dayAfter}"}"""),
            Map.entry("POST /api/v1/users", """
                    {"username": "fuzz-new-${suffix}", "displayName": "Fuzz", "password": "correct horse battery",
                     "roles": ["RESPONDER"], "contactMethods": [{"type": "SMS", "address": "+15550001111"}]}"""),
            Map.entry("PUT /api/v1/users/{username}/contact-methods", CONTACT_METHODS),
            Map.entry("PUT /api/v1/users/{username}/roles", """
                    {"roles": ["RESPONDER"]}"""),
            Map.entry("PUT /api/v1/users/{username}/password", """
                    {"password": "another correct horse"}"""),
            Map.entry("POST /api/v1/tokens", """
                    {"name": "fuzz token", "scopes": ["api:read"]}"""),
            Map.entry("PUT /api/v1/services/{service}/targets", """
                    {"responseTimeBudgetMs": 150, "p95TargetMs": 400, "availabilityTargetPct": 99.5,
                     "sloAvailabilityPct": 99.95, "errorRateTargetPct": 0.5,
                     "goals": [{"term": "long", "kpi": "mttr_minutes", "target": 30, "note": "Half an hour"}]}"""));

    private ExampleBodies() {
    }

    /** The example for {@code METHOD pattern} with the fixtures filled in, or {@code null}. */
    static String of(String endpoint, Map<String, String> fixtures) {
        String body = BODIES.get(endpoint);
        if (body == null) {
            return null;
        }
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            body = body.replace("${" + fixture.getKey() + "}", fixture.getValue());
        }
        return body;
    }
}

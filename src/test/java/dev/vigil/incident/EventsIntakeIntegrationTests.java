package dev.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.vigil.ApiClient;
import dev.vigil.VigilIntegrationTest;
import dev.vigil.alerting.Severity;
import dev.vigil.oncall.OnCallManagement;
import tools.jackson.databind.JsonNode;

/**
 * The PagerDuty Events API v2 and Alertmanager webhook intakes, fed the payloads of those tools' own
 * documentation (with Vigil's integration key as the routing key).
 */
@VigilIntegrationTest
class EventsIntakeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OnCallManagement oncall;

    @Autowired
    IncidentRepository incidents;

    String key;

    @BeforeEach
    void serviceKey() {
        key = oncall.service("checkout").orElseThrow().integrationKey();
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    /** PagerDuty's documented trigger example. */
    private String documentedTrigger(String dedupKey, String severity) {
        return """
                {"payload": {"summary": "Example alert on host1.example.com",
                   "timestamp": "2015-07-17T08:42:58.315+0000", "severity": "%s",
                   "source": "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003",
                   "component": "postgres", "group": "prod-datapipe", "class": "deploy",
                   "custom_details": {"ping time": "1500ms", "load avg": 0.75}},
                 "routing_key": "%s", "dedup_key": "%s",
                 "images": [{"src": "https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png",
                             "href": "https://example.com/", "alt": "Example text"}],
                 "links": [{"href": "https://example.com/", "text": "Link text"}],
                 "event_action": "trigger", "client": "Sample Monitoring Service",
                 "client_url": "https://monitoring.service.com"}""".formatted(severity, key, dedupKey);
    }

    @ParameterizedTest(name = "PagerDuty severity {0} → {1}")
    @CsvSource({"critical, CRITICAL", "error, HIGH", "warning, MEDIUM", "info, LOW"})
    void aDocumentedTriggerOpensAnIncidentWithTheMappedSeverity(String pdSeverity, Severity expected) {
        String dedupKey = "pd-" + UUID.randomUUID();

        ApiClient.Response response = api().post("/v2/enqueue", null, "application/json",
                documentedTrigger(dedupKey, pdSeverity));

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("success");
        assertThat(body.get("message").asString()).isEqualTo("Event processed");
        assertThat(body.get("dedup_key").asString()).isEqualTo(dedupKey);
        Incident incident = incidents.findOpen("checkout/" + dedupKey).orElseThrow();
        assertThat(incident.severity()).isEqualTo(expected);
        assertThat(incident.title()).isEqualTo("Example alert on host1.example.com");
        assertThat(incident.source()).isEqualTo(IncidentSource.EVENTS_API);
        assertThat(incident.details()).containsEntry("component", "postgres");
    }

    @Test
    void aTriggerWithoutDedupKeyGetsOneAndAcknowledgeAndResolveUseIt() {
        String trigger = documentedTrigger("x", "critical").replace("\"dedup_key\": \"x\",", "");

        String dedupKey = api().post("/v2/enqueue", null, "application/json", trigger).json().get("dedup_key").asString();
        ApiClient.Response ack = api().post("/v2/enqueue", null, "application/json", """
                {"routing_key": "%s", "dedup_key": "%s", "event_action": "acknowledge"}""".formatted(key, dedupKey));

        assertThat(dedupKey).hasSize(32);
        assertThat(ack.status()).isEqualTo(202);
        Incident incident = incidents.findOpen("checkout/" + dedupKey).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);

        ApiClient.Response resolve = api().post("/v2/enqueue", null, "application/json", """
                {"routing_key": "%s", "dedup_key": "%s", "event_action": "resolve"}""".formatted(key, dedupKey));
        assertThat(resolve.status()).isEqualTo(202);
        assertThat(incidents.find(incident.number()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void aRetriggerJoinsTheOpenIncident() {
        String dedupKey = "pd-" + UUID.randomUUID();

        api().post("/v2/enqueue", null, "application/json", documentedTrigger(dedupKey, "error"));
        api().post("/v2/enqueue", null, "application/json", documentedTrigger(dedupKey, "error"));

        assertThat(incidents.findOpen("checkout/" + dedupKey).orElseThrow().alertCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad event_action      | "event_action": "trigger"          | "event_action": "explode"      | /event_action
            bad severity          | "severity": "critical"             | "severity": "fatal"            | /payload/severity
            missing summary       | "summary": "Example alert on host1.example.com", | | /payload/summary
            missing source        | "source": "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003", | | /payload/source
            unknown routing key   | "routing_key": "KEY"               | "routing_key": "R0000000000000000000000000000000" | /routing_key
            """)
    void anInvalidEventIsRefusedNamingTheField(String name, String from, String to, String pointer) {
        String body = documentedTrigger("pd-" + UUID.randomUUID(), "critical").replace("\"routing_key\": \"" + key + "\"",
                "\"routing_key\": \"KEY\"").replace(from, to == null ? "" : to).replace("\"KEY\"", "\"" + key + "\"");

        ApiClient.Response response = api().post("/v2/enqueue", null, "application/json", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("message").asString()).isEqualTo("Event object is invalid");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .contains(pointer);
    }

    @Test
    void acknowledgeWithoutDedupKeyIsRefused() {
        ApiClient.Response response = api().post("/v2/enqueue", null, "application/json", """
                {"routing_key": "%s", "event_action": "acknowledge"}""".formatted(key));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/dedup_key");
    }

    /** Alertmanager's documented webhook payload (version 4) with one firing and one resolved alert. */
    private static String alertmanagerPayload(String firing, String resolved) {
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"HighLatency\\"}", "truncatedAlerts": 0,
                 "status": "firing", "receiver": "vigil", "groupLabels": {"alertname": "HighLatency"},
                 "commonLabels": {"alertname": "HighLatency", "job": "api"}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager:9093",
                 "alerts": [
                   {"status": "firing", "labels": {"instance": "api-1", "severity": "critical"},
                    "annotations": {"summary": "p95 latency above 500 ms on api-1", "runbook_url": "https://runbooks.example/latency"},
                    "startsAt": "2026-11-27T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                    "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%s"},
                   {"status": "resolved", "labels": {"instance": "api-2", "severity": "warning"},
                    "annotations": {"summary": "p95 latency above 500 ms on api-2"},
                    "startsAt": "2026-11-27T09:00:00Z", "endsAt": "2026-11-27T09:30:00Z",
                    "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%s"}
                 ]}""".formatted(firing, resolved);
    }

    @Test
    void alertmanagerFiringAlertsTriggerAndResolvedOnesResolve() {
        String firing = UUID.randomUUID().toString().substring(0, 16);
        String resolved = UUID.randomUUID().toString().substring(0, 16);
        api().post("/api/v1/integrations/alertmanager/" + key, null, "application/json",
                alertmanagerPayload(resolved, firing));
        Incident second = incidents.findOpen("checkout/" + resolved).orElseThrow();

        ApiClient.Response response = api().post("/api/v1/integrations/alertmanager/" + key, null, "application/json",
                alertmanagerPayload(firing, resolved));

        assertThat(response.status()).isEqualTo(200);
        Incident opened = incidents.findOpen("checkout/" + firing).orElseThrow();
        assertThat(opened.source()).isEqualTo(IncidentSource.ALERTMANAGER);
        assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(opened.title()).isEqualTo("p95 latency above 500 ms on api-1");
        assertThat(opened.runbookUrl()).isEqualTo("https://runbooks.example/latency");
        assertThat(opened.details()).containsEntry("alertname", "HighLatency").containsEntry("instance", "api-1");
        assertThat(incidents.find(second.number()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void alertmanagerWithAnUnknownKeyIsNotFoundAndABadPayloadChangesNothing() {
        assertThat(api().post("/api/v1/integrations/alertmanager/nope", null, "application/json",
                alertmanagerPayload("a", "b")).status()).isEqualTo(404);

        String fingerprint = UUID.randomUUID().toString().substring(0, 16);
        ApiClient.Response bad = api().post("/api/v1/integrations/alertmanager/" + key, null, "application/json",
                alertmanagerPayload(fingerprint, "x").replace("\"status\": \"resolved\"", "\"status\": \"pending\""));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/alerts/1/status");
        assertThat(incidents.findOpen("checkout/" + fingerprint)).isEmpty();
    }
}

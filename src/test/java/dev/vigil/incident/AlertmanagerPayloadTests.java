package dev.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.alerting.Severity;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

/** Alertmanager's webhook payload (version 4, as its documentation gives it), read and refused. */
class AlertmanagerPayloadTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENTED = """
            {"version": "4", "groupKey": "{}:{alertname=\\"HighLatency\\"}", "truncatedAlerts": 0,
             "status": "firing", "receiver": "vigil", "groupLabels": {"alertname": "HighLatency"},
             "commonLabels": {"alertname": "HighLatency"}, "commonAnnotations": {}, "externalURL": "http://am:9093",
             "alerts": [{"status": "firing", "labels": {"instance": "api-1", "severity": "warning"},
                         "annotations": {"summary": "p95 latency above 500 ms"},
                         "startsAt": "2026-11-27T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                         "generatorURL": "http://prometheus:9090/graph", "fingerprint": "c8a2f3e1b0d4a5f6"}]}""";

    @ParameterizedTest(name = "severity label {0} → {1}")
    @CsvSource(nullValues = "none-given", value = {
            "critical, CRITICAL", "page, CRITICAL", "warning, MEDIUM", "info, LOW", "none, LOW", "error, HIGH",
            "major, HIGH", "none-given, HIGH"})
    void severityLabelsMapToVigilSeverities(String label, Severity expected) {
        assertThat(AlertmanagerWebhookController.severity(label)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another version          | "version": "4"                        | "version": "3"                  | /version
            alert without fingerprint | "fingerprint": "c8a2f3e1b0d4a5f6"    | "fingerprint": null             | /alerts/0/fingerprint
            unknown alert status      | "status": "firing", "labels"          | "status": "pending", "labels"   | /alerts/0/status
            no alerts                 | "alerts": [{                          | "alerts": [], "x": [{           | /alerts
            labels not strings        | "instance": "api-1"                   | "instance": 1                   | /alerts/0/labels/instance
            """)
    void anInvalidPayloadIsRefusedNamingTheField(String name, String from, String to, String pointer) {
        String payload = DOCUMENTED.replace(from, to);

        assertThatThrownBy(() -> AlertmanagerWebhookController.read(JSON.readTree(payload)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations())
                        .extracting(FieldViolation::pointer).contains(pointer));
    }

    @ParameterizedTest(name = "the documented payload reads: {0}")
    @CsvSource({"firing, true", "resolved, false"})
    void theDocumentedPayloadReads(String status, boolean firing) {
        var alerts = AlertmanagerWebhookController.read(JSON.readTree(
                DOCUMENTED.replace("\"status\": \"firing\", \"labels\"", "\"status\": \"" + status + "\", \"labels\"")));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.firing()).isEqualTo(firing);
            assertThat(a.fingerprint()).isEqualTo("c8a2f3e1b0d4a5f6");
            assertThat(a.title()).isEqualTo("p95 latency above 500 ms");
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.details()).containsEntry("alertname", "HighLatency").containsEntry("instance", "api-1");
        });
    }
}

package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import dev.vigil.alerting.Severity;
import dev.vigil.incident.IncidentManagement;
import dev.vigil.incident.IncidentRecord;

/**
 * An incident driven through the incident API lands in the incident history the reports read: its
 * times, its first RCA time (not moved by a later save) and its prevention measures.
 */
@VigilIntegrationTest
class ReportIncidentsIntegrationTests {

    private static final String JSON = "application/json";
    private static final String TOKEN = TestAccounts.API_TOKEN;

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    ReportBuilder builder;

    @Test
    void theHistoryKeepsTheFirstRcaTimeAndCountsMeasures() {
        ApiClient api = new ApiClient(port);
        String service = "hist-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(1);
        String id = api.post("/api/v1/incidents", TOKEN, JSON, """
                {"title": "Checkout is slow", "service": "%s", "severity": "high"}""".formatted(service))
                .json().get("id").asString();
        api.post("/api/v1/incidents/" + id + "/acknowledge", TOKEN, JSON, "");
        api.post("/api/v1/incidents/" + id + "/resolve", TOKEN, JSON, "");
        // the root cause first, the prevention measure a little later (which closes the incident)
        assertThat(api.put("/api/v1/incidents/" + id + "/rca", TOKEN, JSON,
                "{\"rootCause\": \"A slow query\", \"preventionMeasures\": []}").status()).isEqualTo(200);
        IncidentRecord first = history(service, before).getFirst();
        assertThat(first.rcaWrittenAt()).isNotNull();
        // The second save must come later on the clock than the first, or the test could not tell them apart.
        org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(1))
                .until(() -> java.time.Instant.now().isAfter(first.rcaWrittenAt().plusMillis(1)));
        // the second save moves incident_rca.written_at; the RCA still counts as written when it first was
        assertThat(api.put("/api/v1/incidents/" + id + "/rca", TOKEN, JSON, rca("DONE")).status()).isEqualTo(200);

        List<IncidentRecord> records = history(service, before);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.severity()).isEqualTo(Severity.HIGH);
            assertThat(r.acknowledgedAt()).isAfterOrEqualTo(r.triggeredAt());
            assertThat(r.resolvedAt()).isAfterOrEqualTo(r.acknowledgedAt());
            assertThat(r.rcaWrittenAt()).isEqualTo(first.rcaWrittenAt()).isAfterOrEqualTo(r.resolvedAt());
            assertThat(r.measuresOpen()).isZero();
            assertThat(r.measuresDone()).isEqualTo(1);
        });
        assertThat(incidents.history("other-" + service, before, Instant.now().plusSeconds(60))).isEmpty();

        Report.Incidents analysis = builder.build(ReportWindow.containing(Period.DAILY,
                LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC), null).incidents();
        assertThat(analysis.total()).isGreaterThanOrEqualTo(1);
        assertThat(analysis.measuresDone()).isGreaterThanOrEqualTo(1);
    }

    private List<IncidentRecord> history(String service, Instant from) {
        return incidents.history(service, from, Instant.now().plusSeconds(60));
    }

    private static String rca(String status) {
        return """
                {"rootCause": "A slow query", "contributingFactors": "no index",
                 "preventionMeasures": [{"description": "Add the index", "owner": "ana", "dueDate": "2026-12-01",
                                         "status": "%s"}]}""".formatted(status);
    }
}

package dev.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The incidents REST API on the wire: open by hand, list, acknowledge, resolve, RCA, and bad requests. */
@VigilIntegrationTest
class IncidentsApiIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void anIncidentOpenedByHandGoesThroughItsWholeLifeOverTheApi() {
        ApiClient.Response opened = api().post("/api/v1/incidents", TOKEN, JSON, """
                {"title": "Checkout is slow for EU customers", "service": "checkout", "severity": "critical"}""");
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        assertThat(id).matches("INC-\\d+");
        assertThat(opened.json().get("status").asString()).isEqualTo("TRIGGERED");
        assertThat(opened.json().get("source").asString()).isEqualTo("manual");
        assertThat(opened.json().get("severity").asString()).isEqualTo("critical");
        assertThat(opened.json().get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .contains("triggered", "notification");
        assertThat(opened.json().get("notifications").size()).isPositive();

        assertThat(api().get("/api/v1/incidents?status=TRIGGERED&service=checkout&size=200", TOKEN).json()
                .get("content").valueStream().map(i -> i.get("id").asString()).toList()).contains(id);

        JsonNode acknowledged = api().post("/api/v1/incidents/" + id + "/acknowledge", TOKEN, JSON, "").json();
        assertThat(acknowledged.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("assignee").asString()).isNotBlank();
        assertThat(api().post("/api/v1/incidents/" + id + "/resolve", TOKEN, JSON, "").json().get("status").asString())
                .isEqualTo("RESOLVED");

        ApiClient.Response rca = api().put("/api/v1/incidents/" + id + "/rca", TOKEN, JSON, """
                {"rootCause": "A slow query after the 4.2 deploy", "contributingFactors": "No query review",
                 "preventionMeasures": [{"description": "Add the index", "owner": "ana", "dueDate": "2026-12-15"}]}""");
        assertThat(rca.status()).isEqualTo(200);
        assertThat(rca.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(rca.json().get("rca").get("preventionMeasures").get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(rca.json().get("rcaDueAt").asString()).isNotBlank();

        ApiClient.Response late = api().post("/api/v1/incidents/" + id + "/acknowledge", TOKEN, JSON, "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badRequestsAreAnsweredClearly() {
        ApiClient.Response noTitle = api().post("/api/v1/incidents", TOKEN, JSON, """
                {"severity": "disaster"}""");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .containsExactlyInAnyOrder("/title", "/severity");

        assertThat(api().get("/api/v1/incidents?status=OPENED", TOKEN).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/incidents/INC-999999999", TOKEN).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/incidents/42", TOKEN).status()).isEqualTo(404);

        String id = api().post("/api/v1/incidents", TOKEN, JSON, """
                {"title": "RCA validation"}""").json().get("id").asString();
        ApiClient.Response badRca = api().put("/api/v1/incidents/" + id + "/rca", TOKEN, JSON, """
                {"rootCause": " ", "preventionMeasures": [{"description": "x", "dueDate": "next week"}]}""");
        assertThat(badRca.status()).isEqualTo(400);
        assertThat(badRca.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .containsExactlyInAnyOrder("/rootCause", "/preventionMeasures/0/dueDate");
    }

    @Test
    void anonymousCallersMayNotReadIncidents() {
        assertThat(api().get("/api/v1/incidents", null).status()).isEqualTo(401);
    }
}

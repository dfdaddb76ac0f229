package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Rules, their YAML and silences through the REST API, as scripts and tools see them. */
@VigilIntegrationTest
class AlertingApiIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void theDefaultRulesAreInstalledOnFirstStart() {
        JsonNode page = api().get("/api/v1/rules?size=100", TOKEN).json();

        assertThat(page.get("content").valueStream().map(r -> r.get("name").asString()).toList())
                .contains("High Response Time", "High Error Rate", "Low Availability", "High Memory Usage",
                        "DLQ Messages", "Lambda Cold Start", "DynamoDB Latency", "Throttling Events", "Slow Build",
                        "Availability SLO");
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aRuleIsCreatedReadReplacedAndDeleted() {
        String name = "Checkout p95 " + UUID.randomUUID();
        ApiClient.Response created = api().post("/api/v1/rules", TOKEN, JSON, rule(name, 500));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(id).startsWith("checkout-p95-");
        assertThat(created.json().get("state").asString()).isEqualTo("OK");
        assertThat(api().get("/api/v1/rules/" + id, TOKEN).json().get("condition").get("threshold").asDouble())
                .isEqualTo(500);

        ApiClient.Response replaced = api().put("/api/v1/rules/" + id, TOKEN, JSON, rule(name, 750));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("id").asString()).isEqualTo(id);
        assertThat(replaced.json().get("condition").get("threshold").asDouble()).isEqualTo(750);

        assertThat(api().delete("/api/v1/rules/" + id, TOKEN).status()).isEqualTo(204);
        ApiClient.Response gone = api().get("/api/v1/rules/" + id, TOKEN);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anInvalidRuleIsRefusedWithEveryBadFieldAndNothingIsStored() {
        long before = ruleCount();
        String body = """
                {"name": "Broken", "severity": "urgent",
                 "query": {"metric": "api.response_time_ms", "window": "5m"},
                 "condition": {"comparator": ">", "threshold": "high"}, "datapoints": {"n": 4, "m": 3}}""";

        ApiClient.Response response = api().post("/api/v1/rules", TOKEN, JSON, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .containsExactlyInAnyOrder("/severity", "/query/window", "/condition/threshold", "/datapoints/n");
        assertThat(ruleCount()).isEqualTo(before);
    }

    @Test
    void aSecondRuleWithTheSameNameIsRefused() {
        String name = "Twin " + UUID.randomUUID();
        String id = api().post("/api/v1/rules", TOKEN, JSON, rule(name, 1)).json().get("id").asString();

        ApiClient.Response twin = api().post("/api/v1/rules", TOKEN, JSON, rule(name, 2));

        assertThat(twin.status()).isEqualTo(400);
        assertThat(twin.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
        api().delete("/api/v1/rules/" + id, TOKEN);
    }

    @Test
    void exportedYamlImportsBackAndAnImportWithOneBadRuleStoresNone() {
        String exported = api().get("/api/v1/rules/export", TOKEN).body();
        assertThat(exported).startsWith("rules:").contains("id: high-response-time");

        ApiClient.Response reimport = api().post("/api/v1/rules/import", TOKEN, "application/yaml", exported);
        assertThat(reimport.status()).isEqualTo(200);
        assertThat(reimport.json().get("updated").size()).isGreaterThanOrEqualTo(10);
        assertThat(reimport.json().get("created").size()).isZero();

        long before = ruleCount();
        String goodName = "Imported " + UUID.randomUUID();
        ApiClient.Response refused = api().post("/api/v1/rules/import", TOKEN, "application/yaml", """
                rules:
                  - name: %s
                    query: {metric: api.requests}
                    condition: {comparator: ">", threshold: 1}
                  - name: Bad import
                    query: {metric: api.requests}
                    condition: {comparator: ">", threshold: lots}
                """.formatted(goodName));

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("pointer").asString()).isEqualTo("/rules/1/condition/threshold");
        assertThat(error.get("reason").asString()).startsWith("line 7: ");
        assertThat(ruleCount()).isEqualTo(before);
    }

    @Test
    void historyOfAnUnknownRuleIsNotFound() {
        ApiClient.Response response = api().get("/api/v1/rules/no-such-rule/history", TOKEN);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSilenceIsCreatedListedAndExpired() {
        ApiClient.Response created = api().post("/api/v1/silences", TOKEN, JSON, """
                {"matchers": [{"name": "service", "operator": "=", "value": "checkout"},
                              {"name": "alertname", "operator": "=~", "value": "High.*"}],
                 "duration": "PT2H", "comment": "deploy of checkout 4.2"}""");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("createdBy").asString()).isNotBlank();
        assertThat(api().get("/api/v1/silences", TOKEN).json().get("content").valueStream()
                .map(s -> s.get("id").asString()).toList()).contains(id);

        ApiClient.Response expired = api().delete("/api/v1/silences/" + id, TOKEN);
        assertThat(expired.status()).isEqualTo(200);
        assertThat(java.time.Instant.parse(expired.json().get("endsAt").asString()))
                .isBeforeOrEqualTo(java.time.Instant.now());
    }

    @Test
    void aSilenceWithoutMatchersOrEndIsRefused() {
        ApiClient.Response response = api().post("/api/v1/silences", TOKEN, JSON, """
                {"matchers": [], "comment": ""}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .containsExactlyInAnyOrder("/matchers", "/endsAt", "/comment");
    }

    private long ruleCount() {
        return jdbc.sql("SELECT COUNT(*) FROM alert_rule").query(Long.class).single();
    }

    private static String rule(String name, double threshold) {
        return """
                {"name": "%s", "service": "checkout", "severity": "critical",
                 "query": {"metric": "api.response_time_ms", "labels": {"stat": "p95"}, "aggregation": "avg", "window": "PT5M"},
                 "condition": {"comparator": ">", "threshold": %s}, "recovery": {"threshold": 1},
                 "evaluateEvery": "PT1M", "enabled": false}""".formatted(name, threshold);
    }
}

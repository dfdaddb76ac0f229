package dev.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.vigil.ApiClient;
import dev.vigil.VigilIntegrationTest;

/** A token may do what its scopes say across the modules' APIs, and nothing more. */
@VigilIntegrationTest
class ScopeEnforcementIntegrationTests {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Test
    void aReadOnlyTokenReadsButChangesNothing() {
        String token = tokens.create("read-only-" + UUID.randomUUID(), Set.of(Scope.API_READ), "test");
        ApiClient api = new ApiClient(port);

        assertThat(api.get("/api/v1/rules", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/incidents", token).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/rules", token, JSON, """
                {"name": "Nope", "query": {"metric": "m"}, "condition": {"comparator": ">", "threshold": 1}}""")
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/silences", token, JSON, """
                {"matchers": [{"name": "service", "value": "x"}], "duration": "PT1H", "comment": "no"}""").status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/incidents", token, JSON, """
                {"title": "Nope"}""").status()).isEqualTo(403);
        ApiClient.Response push = api.post("/api/v1/metrics", token, JSON, """
                {"samples": [{"metric": "m", "value": 1}]}""");
        assertThat(push.status()).isEqualTo(403);
        assertThat(push.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anIngestOnlyTokenPushesMetricsButReadsNothing() {
        String token = tokens.create("ingest-only-" + UUID.randomUUID(), Set.of(Scope.METRICS_WRITE), "test");
        ApiClient api = new ApiClient(port);

        assertThat(api.post("/api/v1/metrics", token, JSON, """
                {"samples": [{"metric": "scope.test", "value": 1}]}""").status()).isEqualTo(202);
        assertThat(api.get("/api/v1/rules", token).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/incidents", token).status()).isEqualTo(403);
    }
}

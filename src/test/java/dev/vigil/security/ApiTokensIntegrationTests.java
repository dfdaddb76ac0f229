package dev.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/tokens}: a token's value is shown once, only its hash is kept, and revoking works at once. */
@VigilIntegrationTest
class ApiTokensIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewTokenIsShownOnceAndOnlyItsHashIsStored() {
        LoginSession admin = admin();
        String name = "ci-" + UUID.randomUUID();

        ApiClient.Response created = admin.post("/api/v1/tokens", """
                {"name": "%s", "scopes": ["api:read", "metrics:write"]}""".formatted(name));

        assertThat(created.status()).isEqualTo(201);
        String value = created.json().get("token").asString();
        assertThat(value).startsWith("vgl_").hasSizeGreaterThan(40);
        assertThat(created.json().get("scopes").toString()).isEqualTo("[\"api:read\",\"metrics:write\"]");
        Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE name = ?").param(name).query().singleRow();
        assertThat(row.get("TOKEN_HASH").toString()).isEqualTo(ApiTokenService.hash(value));
        assertThat(row.values()).allSatisfy(column -> assertThat(String.valueOf(column)).doesNotContain(value));
        JsonNode listed = admin.get("/api/v1/tokens?size=1000").json();
        assertThat(listed.get("content").toString()).contains(name).doesNotContain(value)
                .doesNotContain(ApiTokenService.hash(value));
        assertThat(new ApiClient(port).get("/api/v1/me", value).json().get("name").asString()).isEqualTo(name);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        LoginSession admin = admin();
        JsonNode created = admin.post("/api/v1/tokens", """
                {"name": "revoke-me-%s", "scopes": ["api:read"]}""".formatted(UUID.randomUUID())).json();
        String value = created.get("token").asString();
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/rules", value).status()).isEqualTo(200);

        assertThat(admin.delete("/api/v1/tokens/" + created.get("id").asLong()).status()).isEqualTo(204);

        ApiClient.Response refused = api.get("/api/v1/rules", value);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void invalidTokensAreRefusedNamingTheFieldAndNothingIsCreated() {
        LoginSession admin = admin();
        long before = jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();

        ApiClient.Response refused = admin.post("/api/v1/tokens", """
                {"name": " ", "scopes": ["api:read", "root"]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/name", "/scopes/1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single()).isEqualTo(before);
        assertThat(admin.delete("/api/v1/tokens/999999").status()).isEqualTo(404);
    }

    @Test
    void aTokenCannotCreateOrListTokens() {
        ApiClient api = new ApiClient(port);

        assertThat(api.post("/api/v1/tokens", TestAccounts.API_TOKEN, "application/json", """
                {"name": "minted-by-a-token", "scopes": ["api:write"]}""").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tokens", TestAccounts.API_TOKEN).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit", TestAccounts.API_TOKEN).status()).isEqualTo(403);
    }

    private LoginSession admin() {
        LoginSession session = LoginSession.login(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertThat(session.loggedIn()).isTrue();
        return session;
    }
}

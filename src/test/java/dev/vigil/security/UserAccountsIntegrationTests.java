package dev.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;

/** Users' roles, enabled flag and password through {@code /api/v1/users/{username}/…}, and what login makes of them. */
@VigilIntegrationTest
class UserAccountsIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";
    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokenService tokens;

    @Test
    void aNewUserCanLogInAndADisabledOneCannot() {
        String username = newUser("RESPONDER");
        assertThat(LoginSession.login(port, username, PASSWORD).loggedIn()).isTrue();

        ApiClient.Response disabled = api().post("/api/v1/users/" + username + "/disable", TOKEN, JSON, "");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(LoginSession.login(port, username, PASSWORD).loggedIn()).isFalse();
        api().post("/api/v1/users/" + username + "/enable", TOKEN, JSON, "");
        assertThat(LoginSession.login(port, username, PASSWORD).loggedIn()).isTrue();
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        String username = newUser("RESPONDER");

        ApiClient.Response reset = api().put("/api/v1/users/" + username + "/password", TOKEN, JSON, """
                {"password": "a brand new passphrase"}""");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(LoginSession.login(port, username, PASSWORD).loggedIn()).isFalse();
        assertThat(LoginSession.login(port, username, "a brand new passphrase").loggedIn()).isTrue();
    }

    @Test
    void changedRolesApplyAtTheNextLogin() {
        String username = newUser("RESPONDER");

        ApiClient.Response changed = api().put("/api/v1/users/" + username + "/roles", TOKEN, JSON, """
                {"roles": ["manager"]}""");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"MANAGER\"]");
        assertThat(LoginSession.login(port, username, PASSWORD).get("/api/v1/me").json().get("roles").toString())
                .isEqualTo("[\"MANAGER\",\"RESPONDER\"]");
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() {
        List<String> otherAdmins = jdbc.sql("SELECT u.username FROM app_user u JOIN app_user_role r ON r.user_id = u.id "
                + "WHERE r.role = 'ADMIN' AND u.enabled = TRUE AND u.username <> ?").param(TestAccounts.ADMIN)
                .query(String.class).list();
        otherAdmins.forEach(a -> api().post("/api/v1/users/" + a + "/disable", TOKEN, JSON, ""));
        try {
            ApiClient.Response demoted = api().put("/api/v1/users/" + TestAccounts.ADMIN + "/roles", TOKEN, JSON, """
                    {"roles": ["MANAGER"]}""");
            ApiClient.Response disabled = api().post("/api/v1/users/" + TestAccounts.ADMIN + "/disable", TOKEN, JSON, "");

            assertThat(demoted.status()).isEqualTo(409);
            assertThat(demoted.contentType()).startsWith("application/problem+json");
            assertThat(demoted.json().get("detail").asString()).contains("last enabled admin");
            assertThat(disabled.status()).isEqualTo(409);
            assertThat(LoginSession.login(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).get("/api/v1/me")
                    .json().get("roles").toString()).contains("ADMIN");
        } finally {
            otherAdmins.forEach(a -> api().post("/api/v1/users/" + a + "/enable", TOKEN, JSON, ""));
        }
    }

    @Test
    void anotherAdminMayTakeOverBeforeTheFirstIsDemoted() {
        String second = newUser("ADMIN");
        String third = newUser("ADMIN");

        assertThat(api().put("/api/v1/users/" + second + "/roles", TOKEN, JSON, """
                {"roles": ["RESPONDER"]}""").status()).isEqualTo(200);
        assertThat(api().post("/api/v1/users/" + third + "/disable", TOKEN, JSON, "").status()).isEqualTo(200);
    }

    @Test
    void invalidChangesAreRefusedNamingTheFieldAndUnknownUsersAre404() {
        String username = newUser("RESPONDER");

        ApiClient.Response badRole = api().put("/api/v1/users/" + username + "/roles", TOKEN, JSON, """
                {"roles": ["RESPONDER", "BOSS"]}""");
        ApiClient.Response noRoles = api().put("/api/v1/users/" + username + "/roles", TOKEN, JSON, """
                {"roles": []}""");
        ApiClient.Response shortPassword = api().put("/api/v1/users/" + username + "/password", TOKEN, JSON, """
                {"password": "short"}""");

        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("errors").findValuesAsString("pointer")).containsExactly("/roles/1");
        assertThat(noRoles.json().get("errors").findValuesAsString("pointer")).containsExactly("/roles");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("errors").get(0).get("reason").asString()).contains("at least 12");
        assertThat(api().get("/api/v1/users/" + username, TOKEN).json().get("roles").toString()).isEqualTo("[\"RESPONDER\"]");
        assertThat(LoginSession.login(port, username, PASSWORD).loggedIn()).isTrue();
        assertThat(api().post("/api/v1/users/nobody-" + UUID.randomUUID() + "/disable", TOKEN, JSON, "").status())
                .isEqualTo(404);
    }

    @Test
    void aReadOnlyTokenCannotChangeUsers() {
        String username = newUser("RESPONDER");
        String readOnly = tokens.create("read-only-" + UUID.randomUUID(), Set.of(Scope.API_READ), "test");

        assertThat(api().post("/api/v1/users/" + username + "/disable", readOnly, JSON, "").status()).isEqualTo(403);
    }

    private String newUser(String role) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = api().post("/api/v1/users", TOKEN, JSON, """
                {"username": "%s", "password": "%s", "roles": ["%s"]}""".formatted(username, PASSWORD, role));
        assertThat(created.status()).isEqualTo(201);
        return username;
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}

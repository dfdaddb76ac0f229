package dev.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;

/**
 * With Vigil's and Spring Security's loggers at DEBUG, everything that handles a secret is done once:
 * logins with right and wrong passwords, a user created with a password, an API token created, used and
 * revoked, unknown tokens, a service's integration key used by PagerDuty and Alertmanager, a one-tap
 * link sent and opened. None of the secret values may appear in the log output.
 */
@VigilIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfTheLogIntegrationTests {

    private static final String JSON = "application/json";
    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final List<String> LOUD = List.of("dev.vigil", "vigil", "org.springframework.security");
    private static final Pattern LINK = Pattern.compile("/a/([A-Za-z0-9_-]{32})");

    @LocalServerPort
    int port;

    @Autowired
    LoggingSystem logging;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void debug() {
        LOUD.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
    }

    @AfterEach
    void quiet() {
        LOUD.forEach(name -> logging.setLogLevel(name, null));
    }

    @Test
    void noSecretReachesTheLogAtDebugLevel(CapturedOutput output) {
        ApiClient api = new ApiClient(port);
        List<String> secrets = new ArrayList<>(List.of(TestAccounts.ADMIN_PASSWORD, TOKEN));
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        // Passwords: a user created over the API, logging in right and wrong.
        String username = "secret-" + suffix;
        String password = "users passphrase " + suffix;
        String wrongPassword = "wrong passphrase " + suffix;
        secrets.addAll(List.of(password, wrongPassword));
        assertThat(api.post("/api/v1/users", TOKEN, JSON, """
                {"username": "%s", "password": "%s", "roles": ["RESPONDER"]}""".formatted(username, password))
                .status()).isEqualTo(201);
        assertThat(LoginSession.login(port, username, password).loggedIn()).isTrue();
        assertThat(LoginSession.login(port, username, wrongPassword).loggedIn()).isFalse();

        // API tokens: created by an admin's session, used, revoked, used again; and unknown ones.
        LoginSession admin = LoginSession.login(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        var created = admin.post("/api/v1/tokens", """
                {"name": "secret-%s", "scopes": ["api:read"]}""".formatted(suffix)).json();
        String value = created.get("token").asString();
        secrets.add(value);
        assertThat(api.get("/api/v1/me", value).status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/tokens/" + created.get("id").asLong()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", value).status()).isEqualTo(401);
        String unknown = "vgl_unknown_" + UUID.randomUUID();
        secrets.add(unknown);
        assertThat(api.get("/api/v1/rules", unknown).status()).isEqualTo(401);

        // Integration keys: a service's key, rotated, used by PagerDuty's Events API and Alertmanager.
        var service = api.post("/api/v1/services", TOKEN, JSON, """
                {"name": "secret-service-%s"}""".formatted(suffix)).json();
        secrets.add(service.get("integrationKey").asString());
        String key = api.post("/api/v1/services/" + service.get("id").asString() + "/rotate-integration-key", TOKEN,
                JSON, "").json().get("integrationKey").asString();
        secrets.add(key);
        assertThat(api.post("/v2/enqueue", null, JSON, """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "secret-%s",
                 "payload": {"summary": "secret test", "source": "test", "severity": "info"}}""".formatted(key, suffix))
                .status()).isEqualTo(202);
        assertThat(api.post("/api/v1/integrations/alertmanager/" + key, null, JSON, "{}").status()).isEqualTo(400);

        // A one-tap link: sent on the log channel (no SNS here), opened, opened again.
        String incident = api.post("/api/v1/incidents", TOKEN, JSON, """
                {"title": "secret link %s", "service": "checkout", "severity": "critical"}""".formatted(suffix))
                .json().get("id").asString();
        String sms = await().atMost(Duration.ofSeconds(10)).until(() -> StreamSupport.stream(
                api.get("/api/v1/incidents/" + incident, TOKEN).json().get("notifications").spliterator(), false)
                .map(n -> n.get("message").asString()).filter(m -> LINK.matcher(m).find()).findFirst().orElse(null),
                m -> m != null);
        Matcher link = LINK.matcher(sms);
        assertThat(link.find()).isTrue();
        secrets.add(link.group(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("secret link " + suffix));
        assertThat(api.get("/a/" + link.group(1), null).status()).isEqualTo(200);
        assertThat(api.get("/a/" + link.group(1), null).status()).isEqualTo(409);

        String log = output.getAll();
        System.out.printf("Secrets in the log: %d secret values checked against %d lines of DEBUG log output%n",
                secrets.size(), log.lines().count());
        assertThat(log).as("the capture sees DEBUG lines").contains("DEBUG");
        assertThat(log).as("the log channel shows the SMS without its link's token").contains("/a/" + link.group(1).substring(0, 4) + "…");
        for (String secret : secrets) {
            assertThat(log).as("the log output").doesNotContain(secret);
        }
    }

    @Test
    void recordsHoldingSecretsDoNotPrintThem() {
        String value = "vgl_value_" + UUID.randomUUID();
        IssuedApiToken issued = new IssuedApiToken(null, value);
        SecurityProperties properties = new SecurityProperties(
                new SecurityProperties.BootstrapAdmin("admin", "bootstrap passphrase"), "vgl_bootstrap_value");

        assertThat(issued.toString()).doesNotContain(value);
        assertThat(properties.toString()).doesNotContain("bootstrap passphrase").doesNotContain("vgl_bootstrap_value");
    }
}

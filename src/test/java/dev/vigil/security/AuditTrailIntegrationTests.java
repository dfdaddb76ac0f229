package dev.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.io.IOException;
import java.io.StringReader;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Every change leaves one audit row with who, what, before and after; a refused change leaves none. */
@VigilIntegrationTest
class AuditTrailIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aUserChangeIsRecordedWithTheActorAndTheRolesBeforeAndAfter() {
        String username = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/v1/users", TOKEN, JSON, """
                {"username": "%s", "password": "a long enough password", "roles": ["RESPONDER"]}""".formatted(username));

        api().put("/api/v1/users/" + username + "/roles", TOKEN, JSON, """
                {"roles": ["MANAGER"]}""");

        JsonNode rows = admin().get("/api/v1/audit?targetType=user&targetId=" + username).json();
        assertThat(rows.get("page").get("totalElements").asLong()).isEqualTo(2);
        JsonNode changed = rows.get("content").get(0);
        assertThat(changed.get("action").asString()).isEqualTo("user.roles-changed");
        assertThat(changed.get("actor").asString()).startsWith("bootstrap-");
        assertThat(changed.get("actorType").asString()).isEqualTo("token");
        assertThat(changed.get("before").get("roles").toString()).isEqualTo("[\"RESPONDER\"]");
        assertThat(changed.get("after").get("roles").toString()).isEqualTo("[\"MANAGER\"]");
        assertThat(rows.get("content").get(1).get("action").asString()).isEqualTo("user.created");
        assertThat(rows.get("content").get(1).get("before").isNull()).isTrue();
    }

    @Test
    void aRuleChangeIsRecordedWithTheRuleBeforeAndAfter() {
        String name = "Audited rule " + UUID.randomUUID();
        ApiClient.Response created = api().post("/api/v1/rules", TOKEN, JSON, rule(name, 500));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        assertThat(api().put("/api/v1/rules/" + id, TOKEN, JSON, rule(name, 750)).status()).isEqualTo(200);

        JsonNode updated = admin().get("/api/v1/audit?action=rule.updated&targetId=" + id).json().get("content").get(0);
        assertThat(updated.get("targetType").asString()).isEqualTo("rule");
        assertThat(updated.get("before").get("condition").get("threshold").asDouble()).isEqualTo(500);
        assertThat(updated.get("after").get("condition").get("threshold").asDouble()).isEqualTo(750);
    }

    @Test
    void anIncidentAcknowledgementIsRecordedWithItsStatusAndWhoDidIt() {
        ApiClient.Response opened = api().post("/api/v1/incidents", TOKEN, JSON, """
                {"title": "Audited incident", "service": "checkout", "severity": "low"}""");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().get("id").asString();

        LoginSession admin = admin();
        assertThat(admin.post("/api/v1/incidents/" + id + "/acknowledge", null).status()).isEqualTo(200);

        JsonNode rows = admin.get("/api/v1/audit?targetType=incident&targetId=" + id).json().get("content");
        JsonNode acknowledged = rows.get(0);
        assertThat(acknowledged.get("action").asString()).isEqualTo("incident.acknowledged");
        assertThat(acknowledged.get("actor").asString()).isEqualTo(TestAccounts.ADMIN);
        assertThat(acknowledged.get("actorType").asString()).isEqualTo("user");
        assertThat(acknowledged.get("before").get("status").asString()).isEqualTo("TRIGGERED");
        assertThat(acknowledged.get("after").get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("after").get("assignee").asString()).isEqualTo(TestAccounts.ADMIN);
        assertThat(rows.get(1).get("action").asString()).isEqualTo("incident.opened");
    }

    @Test
    void aRefusedChangeLeavesNoRow() {
        long before = rows();

        ApiClient.Response refused = api().post("/api/v1/rules", TOKEN, JSON, """
                {"name": "", "query": {"metric": "m"}, "condition": {"comparator": "?", "threshold": 1}}""");
        ApiClient.Response unknownUser = api().put("/api/v1/users/nobody-" + UUID.randomUUID() + "/roles", TOKEN, JSON, """
                {"roles": ["ADMIN"]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aRowRecordedInAChangeThatRollsBackIsGoneWithIt() {
        String target = "rolled-back-" + UUID.randomUUID();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            audit.record("rule.updated", "rule", target, null, List.of("after"));
            throw new IllegalStateException("the change failed after it was audited");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE target_id = ?").param(target).query(Long.class).single())
                .isZero();
    }

    @Test
    void secretsNeverReachTheLog() {
        String username = "secretive-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "never in the log " + UUID.randomUUID();
        api().post("/api/v1/users", TOKEN, JSON, """
                {"username": "%s", "password": "%s", "roles": ["ADMIN"]}""".formatted(username, password));
        api().put("/api/v1/users/" + username + "/password", TOKEN, JSON, """
                {"password": "%s-2"}""".formatted(password));
        JsonNode service = api().post("/api/v1/services", TOKEN, JSON, """
                {"name": "secretive-%s"}""".formatted(UUID.randomUUID())).json();
        String key = service.get("integrationKey").asString();
        String rotated = api().post("/api/v1/services/" + service.get("id").asString() + "/rotate-integration-key", TOKEN,
                JSON, "").json().get("integrationKey").asString();
        String token = admin().post("/api/v1/tokens", """
                {"name": "secretive-%s", "scopes": ["api:read"]}""".formatted(UUID.randomUUID())).json().get("token").asString();

        String log = String.join("\n", jdbc.sql("SELECT COALESCE(before_json, '') || ' ' || COALESCE(after_json, '') "
                + "FROM audit_log").query(String.class).list());
        String passwordHash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username)
                .query(String.class).single();

        assertThat(log).contains(username).contains("secretive-")
                .doesNotContain(password).doesNotContain(passwordHash).doesNotContain(key).doesNotContain(rotated)
                .doesNotContain(token).doesNotContain(ApiTokenService.hash(token));
    }

    @Test
    void theLogExportsAsCsvOldestFirstWithTheRuleBeforeAndAfter() throws IOException {
        String name = "Exported rule " + UUID.randomUUID();
        String id = api().post("/api/v1/rules", TOKEN, JSON, rule(name, 500)).json().get("id").asString();
        assertThat(api().put("/api/v1/rules/" + id, TOKEN, JSON, rule(name, 750)).status()).isEqualTo(200);

        ApiClient.Response csv = admin().get("/api/v1/audit.csv?targetType=rule&targetId=" + id);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("rule.created", "rule.updated");
        assertThat(rows.get(1).get("target_id")).isEqualTo(id);
        assertThat(rows.get(1).get("actor_type")).isEqualTo("token");
        assertThat(rows.get(1).get("before")).contains("\"threshold\":500");
        assertThat(rows.get(1).get("after")).contains("\"threshold\":750").contains(name);
        assertThat(api().get("/api/v1/audit.csv", TOKEN).status()).isEqualTo(403);
    }

    @Test
    void theLogIsForAdminsOnlyAndRefusesABadFilterNamingIt() {
        assertThat(api().get("/api/v1/audit", TOKEN).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/audit", null).status()).isEqualTo(401);

        ApiClient.Response bad = admin().get("/api/v1/audit?from=yesterday");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/from");
    }

    private static String rule(String name, int threshold) {
        return """
                {"name": "%s", "service": "checkout", "severity": "low",
                 "query": {"metric": "audit.test", "aggregation": "avg", "window": "PT5M"},
                 "condition": {"comparator": ">", "threshold": %d}}""".formatted(name, threshold);
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    }

    private LoginSession admin() {
        LoginSession session = LoginSession.login(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertThat(session.loggedIn()).isTrue();
        return session;
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}

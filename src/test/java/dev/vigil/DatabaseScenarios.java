package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vigil.base.scheduling.SchedulerHeartbeats;

/**
 * What the foundation promises on any database: the same scenarios run on H2 (the embedded default)
 * and on PostgreSQL (Testcontainers where Docker exists, else the server that .ci/run starts).
 */
public abstract class DatabaseScenarios {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerHeartbeats heartbeats;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    dev.vigil.oncall.OnCallManagement oncall;

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void anonymousCallerOfMeGetsUnauthorizedProblem() {
        ApiClient.Response response = api().get("/api/v1/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("title").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void bootstrapTokenIsToldItsScopes() {
        ApiClient.Response response = api().get("/api/v1/me", TestAccounts.API_TOKEN);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("type").asString()).isEqualTo("token");
        assertThat(response.json().get("scopes").valueStream().map(n -> n.asString()).toList())
                .containsExactly("api:read", "api:write", "events:write", "metrics:write");
    }

    @Test
    void unknownTokenIsRefusedNotTreatedAsAnonymous() {
        ApiClient.Response response = api().get("/api/v1/me", "vgl_not_a_real_token");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("unknown or revoked");
    }

    @Test
    void unknownApiPathIsNotFoundProblem() {
        ApiClient.Response response = api().get("/api/v1/no-such-thing", TestAccounts.API_TOKEN);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void secretsAreStoredOnlyAsHashes() {
        String passwordHash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
                .param(TestAccounts.ADMIN).query(String.class).single();
        List<String> tokenHashes = jdbc.sql("SELECT token_hash FROM api_token").query(String.class).list();

        assertThat(passwordHash).startsWith("{bcrypt}").doesNotContain(TestAccounts.ADMIN_PASSWORD);
        assertThat(tokenHashes).isNotEmpty().allSatisfy(hash -> assertThat(hash)
                .hasSize(64).doesNotContain(TestAccounts.API_TOKEN));
    }

    @Test
    void bootstrapAdminHasTheAdminRole() {
        List<String> roles = jdbc.sql("""
                SELECT r.role FROM app_user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = ?""")
                .param(TestAccounts.ADMIN).query(String.class).list();

        assertThat(roles).containsExactly("ADMIN");
    }

    @Test
    void schedulerRecordsHeartbeatsInItsJdbcStore() {
        await().atMost(Duration.ofSeconds(30)).until(() -> heartbeats.latest().isPresent());

        long quartzJobs = jdbc.sql("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'schedulerHeartbeat'")
                .query(Long.class).single();
        assertThat(quartzJobs).isEqualTo(1);
        assertThat(heartbeats.isStale(heartbeats.latest().orElseThrow())).isFalse();
    }

    @Test
    void incidentProcessIsDeployedWithItsDiagram() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("incident").latestVersion().singleResult();

        assertThat(definition).isNotNull();
        BpmnModel model = repositoryService.getBpmnModel(definition.getId());
        assertThat(model.getLocationMap()).containsKeys("acknowledge", "escalationTimer", "rootCauseAnalysis");
        assertThat(definition.hasGraphicalNotation()).isTrue();
    }

    @Test
    void pushedMetricsAreStoredRolledUpAndQueryable() {
        java.time.Instant minute = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .minus(Duration.ofMinutes(3));
        String body = """
                {"samples": [
                  {"metric": "db.scenario", "labels": {"service": "s"}, "timestamp": "%s", "value": 10},
                  {"metric": "db.scenario", "labels": {"service": "s"}, "timestamp": "%s", "value": 30}
                ]}""".formatted(minute, minute.plusSeconds(10));

        ApiClient.Response pushed = api().post("/api/v1/metrics", TestAccounts.API_TOKEN, "application/json", body);
        // The same batch again: replaces, never doubles.
        api().post("/api/v1/metrics", TestAccounts.API_TOKEN, "application/json", body);

        assertThat(pushed.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT COALESCE(SUM(r.sample_count), 0) FROM metric_rollup r JOIN metric_series s ON s.id = r.series_id
                WHERE s.metric = 'db.scenario' AND r.resolution = 3600""").query(Long.class).single() == 2);
        ApiClient.Response query = api().get("/api/v1/metrics/query?metric=db.scenario&agg=avg&step=PT1M&from="
                + minute + "&to=" + minute.plusSeconds(60), TestAccounts.API_TOKEN);
        assertThat(query.json().get("series").get(0).get("points").get(0).get(1).asDouble()).isEqualTo(20.0);
    }

    @Test
    void aRepeatedSampleReplacesTheStoredValueAndOfTwoInOneBatchTheLaterWins() {
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .minus(Duration.ofMinutes(2));
        String sample = """
                {"metric": "db.replace", "labels": {"service": "s"}, "timestamp": "%s", "value": %d}""";

        ApiClient.Response twiceInOneBatch = api().post("/api/v1/metrics", TestAccounts.API_TOKEN, "application/json",
                "{\"samples\": [" + sample.formatted(at, 1) + ", " + sample.formatted(at, 2) + "]}");
        List<Double> afterTheBatch = storedValues("db.replace");
        api().post("/api/v1/metrics", TestAccounts.API_TOKEN, "application/json",
                "{\"samples\": [" + sample.formatted(at, 3) + "]}");

        assertThat(twiceInOneBatch.status()).isEqualTo(202);
        assertThat(afterTheBatch).containsExactly(2.0);
        assertThat(storedValues("db.replace")).containsExactly(3.0);
    }

    /** On PostgreSQL these are written in groups (several requests to one statement and commit). */
    @Test
    void concurrentPushesAreEachStoredAndRolledUp() throws Exception {
        String metric = "db.concurrent." + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.time.Instant minute = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .minus(Duration.ofMinutes(2));
        String sample = """
                {"metric": "%s", "labels": {"host": "h%d"}, "timestamp": "%s", "value": %d}""";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        var replies = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int push = 0; push < 40; push++) {
            List<String> samples = new java.util.ArrayList<>();
            for (int host = 0; host < 5; host++) {
                samples.add(sample.formatted(metric, host, minute.plusMillis(push), push));
            }
            String body = "{\"samples\": [" + String.join(", ", samples) + "]}";
            replies.add(pool.submit(() -> api().post("/api/v1/metrics", TestAccounts.API_TOKEN, "application/json",
                    body).status()));
        }
        for (var reply : replies) {
            assertThat(reply.get()).isEqualTo(202);
        }
        pool.shutdown();

        assertThat(storedValues(metric)).hasSize(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT COALESCE(SUM(r.sample_count), 0) FROM metric_rollup r JOIN metric_series s ON s.id = r.series_id
                WHERE s.metric = ? AND r.resolution = 60""").param(metric).query(Long.class).single() == 200);
    }

    private List<Double> storedValues(String metric) {
        return jdbc.sql("SELECT m.sample_value FROM metric_sample m JOIN metric_series s ON s.id = m.series_id "
                + "WHERE s.metric = ?").param(metric).query(Double.class).list();
    }

    @Test
    void aBreachingRuleFiresThroughTheClusteredSchedulerAndIsInItsHistory() {
        String metric = "db.alert." + java.util.UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = api().post("/api/v1/rules", TestAccounts.API_TOKEN, "application/json", """
                {"name": "DB scenario %s", "query": {"metric": "%s", "aggregation": "max", "window": "PT5S"},
                 "condition": {"comparator": ">", "threshold": 500}, "recovery": {"threshold": 400},
                 "datapoints": {"n": 1, "m": 3}, "evaluateEvery": "PT1S"}""".formatted(metric, metric));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        try {
            api().post("/api/v1/metrics", TestAccounts.API_TOKEN, "application/json", """
                    {"samples": [{"metric": "%s", "labels": {"service": "db"}, "value": 900}]}""".formatted(metric));

            await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/rules/" + id + "/history",
                    TestAccounts.API_TOKEN).json().get("content").valueStream()
                    .anyMatch(t -> t.get("to").asString().equals("FIRING") && t.get("value").asDouble() == 900));
            assertThat(api().get("/api/v1/rules/" + id, TestAccounts.API_TOKEN).json().get("state").asString())
                    .isEqualTo("FIRING");
            String exported = api().get("/api/v1/rules/export", TestAccounts.API_TOKEN).body();
            assertThat(exported).contains("id: " + id);
        } finally {
            api().delete("/api/v1/rules/" + id, TestAccounts.API_TOKEN);
        }
    }

    @Test
    void concurrentTriggersWithOneDedupKeyOpenOneIncidentAndItPagesTheDefaultPolicy() throws Exception {
        String key = oncall.service("checkout").orElseThrow().integrationKey();
        String dedupKey = "db-race-" + java.util.UUID.randomUUID();
        String event = """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                 "payload": {"summary": "Race on the database", "source": "test", "severity": "critical"}}"""
                .formatted(key, dedupKey);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        var replies = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 40; i++) {
            replies.add(pool.submit(() -> api().post("/v2/enqueue", null, "application/json", event).status()));
        }
        for (var reply : replies) {
            assertThat(reply.get()).isEqualTo(202);
        }
        pool.shutdown();

        List<Long> counts = jdbc.sql("SELECT alert_count FROM incident WHERE dedup_key = ?")
                .param("checkout/" + dedupKey).query(Long.class).list();
        assertThat(counts).containsExactly(40L);
        long number = jdbc.sql("SELECT incident_number FROM incident WHERE dedup_key = ?")
                .param("checkout/" + dedupKey).query(Long.class).single();
        ApiClient.Response incident = api().get("/api/v1/incidents/INC-" + number, TestAccounts.API_TOKEN);
        assertThat(incident.json().get("notifications").size()).isPositive();
        assertThat(incident.json().get("escalationLevel").asInt()).isEqualTo(1);
    }

    @Test
    void healthIsUpAndReportsTheScheduler() {
        ApiClient.Response response = api().get("/actuator/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }
}

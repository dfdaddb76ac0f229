package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.vigil.base.scheduling.SchedulerHeartbeats;
import dev.vigil.notification.sns.SnsStandIn;
import dev.vigil.notification.sns.StandInCredentials;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stopped for 30 s under a running Vigil (this JVM's context, on a cluster of its own that
 * {@code .ci/run} starts): Vigil stays up and says it is not ready, metric pushes get a 503 problem with
 * {@code Retry-After}, and once PostgreSQL is back Vigil carries on without a restart. Quartz evaluates the
 * breach that the client re-sent, Flowable fires an escalation timer, the outbox sends the pages, each once.
 * Needs {@code VIGIL_TEST_OUTAGE_POSTGRES_URL} ({@code _USER}, {@code _PASSWORD}) and the shell commands
 * {@code VIGIL_TEST_OUTAGE_POSTGRES_STOP} and {@code _START}; skipped without them.
 */
@EnabledIfEnvironmentVariable(named = "VIGIL_TEST_OUTAGE_POSTGRES_STOP", matches = ".+")
@EnabledIfEnvironmentVariable(named = "VIGIL_TEST_OUTAGE_POSTGRES_START", matches = ".+")
@EnabledIfEnvironmentVariable(named = "VIGIL_TEST_OUTAGE_POSTGRES_URL", matches = ".+")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigil.data-dir=target/it-db-outage",
        "vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN,
        "vigil.notification.sns.enabled=true",
        "vigil.notification.sns.region=eu-west-1"})
@Import(StandInCredentials.class)
class DatabaseOutagePostgresOwnContextTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String FIRST = "+15550008001";
    private static final String SECOND = "+15550008002";
    private static final SnsStandIn SNS = SnsStandIn.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.createAndRegister(System.getenv("VIGIL_TEST_OUTAGE_POSTGRES_URL"),
                System.getenv().getOrDefault("VIGIL_TEST_OUTAGE_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("VIGIL_TEST_OUTAGE_POSTGRES_PASSWORD", "postgres"), registry);
        registry.add("vigil.notification.sns.endpoint", () -> SNS.endpoint().toString());
    }

    @AfterAll
    static void stopStandIn() {
        SNS.close();
    }

    /** What one round of looking at Vigil during the outage saw. */
    private record Observed(int push, String retryAfter, String pushType, long pushMillis, int health, long healthMillis,
            int readiness, int liveness) {
    }

    @LocalServerPort
    int port;
    @Autowired
    SchedulerHeartbeats heartbeats;
    @Autowired
    Scheduler quartz;
    @Autowired
    JdbcClient jdbc;
    private String ruleId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void vigilStaysUpThroughADatabaseOutageAndEvaluatesTheBreachItMissedOnceItIsBack() throws Exception {
        String integrationKey = setUpOnCallAndRule();
        push(samples(1, Instant.now()));
        String incidentA = trigger(integrationKey, "db-outage-a");
        await().atMost(Duration.ofSeconds(30)).until(() -> pagesFor(incidentA, FIRST) == 1);
        long beatsBefore = await().atMost(Duration.ofSeconds(30)).until(() -> heartbeats.latest(), b -> b.isPresent())
                .orElseThrow().beats();

        run("VIGIL_TEST_OUTAGE_POSTGRES_STOP");
        Instant outageStart = Instant.now();
        List<String> unsent = new ArrayList<>();
        List<Observed> seen = new ArrayList<>();
        await().during(OUTAGE).atMost(OUTAGE.plusSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    String batch = samples(50, Instant.now());
                    long started = System.nanoTime();
                    HttpResponse<String> pushed = push(batch);
                    long pushMillis = (System.nanoTime() - started) / 1_000_000;
                    if (pushed.statusCode() != 202) {
                        unsent.add(batch);
                    }
                    started = System.nanoTime();
                    int health = get("/actuator/health").statusCode();
                    seen.add(new Observed(pushed.statusCode(), pushed.headers().firstValue("Retry-After").orElse(null),
                            pushed.headers().firstValue("Content-Type").orElse(""), pushMillis, health,
                            (System.nanoTime() - started) / 1_000_000, get("/actuator/health/readiness").statusCode(),
                            get("/actuator/health/liveness").statusCode()));
                    return true;
                });
        run("VIGIL_TEST_OUTAGE_POSTGRES_START");
        Instant back = Instant.now();

        assertThat(seen).as("every look during the outage").isNotEmpty().allSatisfy(o -> {
            assertThat(o.push()).isEqualTo(503);
            assertThat(o.retryAfter()).isEqualTo("5");
            assertThat(o.pushType()).startsWith("application/problem+json");
            assertThat(o.health()).isEqualTo(503);
            assertThat(o.readiness()).isEqualTo(503);
            assertThat(o.liveness()).as("alive: no reason to restart").isEqualTo(200);
        });
        List<String> stillUnsent = new ArrayList<>(unsent);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            stillUnsent.removeIf(batch -> push(batch).statusCode() == 202);
            return stillUnsent.isEmpty();
        });
        Duration resent = Duration.between(back, Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health").statusCode() == 200
                && get("/actuator/health/readiness").statusCode() == 200);
        Duration healthy = Duration.between(back, Instant.now());

        await().atMost(Duration.ofSeconds(60)).until(() -> incidents().size() == 2);
        String incidentB = incidents().stream().filter(id -> !id.equals(incidentA)).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> pagesFor(incidentB, FIRST) == 1);
        Duration paged = Duration.between(back, Instant.now());
        await().atMost(Duration.ofSeconds(120)).until(() -> pagesFor(incidentA, SECOND) == 1);
        Duration escalated = Duration.between(back, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> heartbeats.latest().orElseThrow().beats() > beatsBefore + 1);

        assertThat(incidents()).as("no duplicate incidents").containsExactlyInAnyOrder(incidentA, incidentB);
        assertThat(api().get("/api/v1/incidents/" + incidentA, TOKEN).json().get("escalationLevel").asInt()).isEqualTo(2);
        assertThat(firedTransitions()).as("the rule fired once").isEqualTo(1);
        Map<String, Long> perMessage = SNS.published().stream()
                .collect(Collectors.groupingBy(SnsStandIn.Published::message, Collectors.counting()));
        assertThat(perMessage.values()).as("each page once").allMatch(n -> n == 1);
        assertThat(SNS.published()).hasSize(3);
        assertThat(pagesFor(incidentB, SECOND)).isZero();
        assertThat(quartz.isStarted() && !quartz.isInStandbyMode()).as("Quartz runs").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_state = 'ERROR'").query(Long.class).single())
                .as("no trigger left in ERROR by the failed firings").isZero();

        System.out.printf("db-outage: PostgreSQL down %d s; %d looks during it: every metric push 503 + Retry-After 5 "
                        + "(slowest %d ms), /actuator/health 503 (slowest %d ms), readiness 503, liveness 200; after the "
                        + "return: %d held-back batch(es) accepted within %d ms, health UP after %d ms, the missed breach "
                        + "paged after %d ms (1 incident, 1 page), the escalation timer of the incident opened before the "
                        + "outage paged level 2 %d ms after the return; %d incidents, %d pages, 0 duplicates, 0 lost%n",
                Duration.between(outageStart, back).toSeconds(), seen.size(),
                seen.stream().mapToLong(Observed::pushMillis).max().orElse(0),
                seen.stream().mapToLong(Observed::healthMillis).max().orElse(0), unsent.size(),
                resent.toMillis(), healthy.toMillis(), paged.toMillis(), escalated.toMillis(), incidents().size(),
                SNS.published().size());
    }

    // --- set-up and helpers ----------------------------------------------------------------------------

    private String setUpOnCallAndRule() {
        for (String[] user : List.of(new String[] {"do-first", FIRST}, new String[] {"do-second", SECOND})) {
            created(api().post("/api/v1/users", TOKEN, JSON, """
                    {"username": "%s", "displayName": "%s", "password": "correct horse battery", "roles": ["RESPONDER"],
                     "contactMethods": [{"type": "SMS", "address": "%s"}]}""".formatted(user[0], user[0], user[1])));
        }
        created(api().post("/api/v1/escalation-policies", TOKEN, JSON, """
                {"name": "do-policy", "repeat": 0,
                 "levels": [{"timeout": "PT1M", "targets": [{"type": "USER", "ref": "do-first"}]},
                            {"timeout": "PT30M", "targets": [{"type": "USER", "ref": "do-second"}]}]}"""));
        ApiClient.Response service = api().post("/api/v1/services", TOKEN, JSON, """
                {"name": "do-svc", "escalationPolicy": "do-policy"}""");
        created(service);
        ApiClient.Response rule = api().post("/api/v1/rules", TOKEN, JSON, """
                {"name": "db outage errors", "service": "do-svc", "severity": "critical",
                 "query": {"metric": "do.errors", "aggregation": "max", "window": "PT5M"},
                 "condition": {"comparator": ">", "threshold": 5}, "evaluateEvery": "PT1S", "escalationPolicy": "do-policy"}""");
        created(rule);
        ruleId = rule.json().get("id").asString();
        return service.json().get("integrationKey").asString();
    }

    private String trigger(String integrationKey, String dedupKey) {
        ApiClient.Response accepted = api().post("/v2/enqueue", null, JSON, """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                 "payload": {"summary": "Queue stuck", "source": "worker-1", "severity": "critical"}}"""
                .formatted(integrationKey, dedupKey));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(30)).until(() -> incidents().stream().findFirst().orElse(null),
                id -> id != null);
    }

    private static String samples(double value, Instant at) {
        return """
                {"samples": [{"metric": "do.errors", "labels": {"service": "do-svc"}, "value": %s, "timestamp": %d}]}"""
                .formatted(value, at.toEpochMilli());
    }

    private HttpResponse<String> push(String batch) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/metrics"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", JSON).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> incidents() {
        JsonNode page = api().get("/api/v1/incidents?service=do-svc&size=50", TOKEN).json();
        return page.get("content").valueStream().map(i -> i.get("id").asString()).toList();
    }

    private long firedTransitions() {
        return api().get("/api/v1/rules/" + ruleId + "/history", TOKEN).json().get("content").valueStream()
                .filter(t -> t.get("to").asString().equals("FIRING")).count();
    }

    private static long pagesFor(String incidentId, String phone) {
        return SNS.published().stream()
                .filter(p -> phone.equals(p.phoneNumber()) && p.message().contains(incidentId + " ")).count();
    }

    private static void run(String commandVariable) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", System.getenv(commandVariable)).inheritIO().start();
        assertThat(process.waitFor()).as(commandVariable).isZero();
    }

    private static void created(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}

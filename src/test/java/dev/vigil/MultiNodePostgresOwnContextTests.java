package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.vigil.notification.sns.SnsStandIn;
import tools.jackson.databind.JsonNode;

/**
 * Two Vigil nodes, each its own JVM on its own port, on one fresh PostgreSQL database, started at the
 * same moment (as {@code docker compose up} starts them): triggers sent to both open one incident per
 * dedup key and page it once; each Quartz firing runs on one node; and after node A is killed with
 * SIGKILL while the incidents wait for acknowledgement, node B escalates every one of them on time, once.
 * Each node sends SMS to an SNS stand-in of its own, so the test sees which node sent what.
 * Needs {@code VIGIL_TEST_POSTGRES_URL} (an admin JDBC URL; {@code .ci/run} provides one), {@code _USER},
 * {@code _PASSWORD}. The nodes' logs are under {@code target/multinode/}.
 */
@EnabledIfEnvironmentVariable(named = "VIGIL_TEST_POSTGRES_URL", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodePostgresOwnContextTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";
    private static final int KEYS = 100;
    private static final int TRIGGERS_PER_KEY = 10;
    /** The first level's time to acknowledge: the shortest a policy allows, so the test waits little. */
    private static final Duration LEVEL_TIMEOUT = Duration.ofMinutes(1);
    /**
     * How late an escalation may be: the timer acquisition runs every second, but after a SIGKILL node B
     * also has to take over what node A held (Quartz recovery after its check-in interval, Flowable jobs
     * A had locked after their lock time), all on two cores shared with node B's own work.
     */
    private static final Duration ESCALATION_SLACK = Duration.ofSeconds(30);
    private static final String FIRST = "+15550100001";
    private static final String SECOND = "+15550100002";
    private static final Pattern INCIDENT_ID = Pattern.compile("INC-\\d+");
    private static final Path LOGS = Path.of("target", "multinode");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private VigilNode.Database database;
    private Node a;
    private Node b;
    private String integrationKey;
    private Map<String, Instant> triggeredAt;

    /** One Vigil JVM and the SNS stand-in that counts what it sends. */
    private record Node(VigilNode jvm, SnsStandIn sns) {

        ApiClient api() {
            return jvm.api();
        }

        int port() {
            return jvm.port();
        }
    }

    @BeforeAll
    void startTwoNodes() throws Exception {
        Files.createDirectories(LOGS);
        database = VigilNode.Database.freshFromEnvironment();
        // Both at once on an empty database: Flyway, Flowable's schema and the bootstrap data race as they
        // would when a cluster is first deployed.
        a = launch("a");
        b = launch("b");
        a.jvm().awaitReady(Duration.ofSeconds(180));
        b.jvm().awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    void stopNodes() {
        for (Node node : Stream.of(a, b).filter(n -> n != null).toList()) {
            node.jvm().close();
            node.sns().close();
        }
    }

    @Test
    @Order(1)
    void triggersSentToBothNodesOpenOneIncidentPerKeyEachPagedOnceAndQuartzFiresEachJobOnOneNode()
            throws Exception {
        setUpOnCall();
        String rule = createNeverBreachingRule();
        long evaluationsBefore = evaluations(a) + evaluations(b);
        Instant windowStart = Instant.now();

        sendTriggers();

        // One incident per dedup key, every trigger counted against it.
        JsonNode page = a.api().get("/api/v1/incidents?service=mn-svc&size=500", TOKEN).json();
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(KEYS);
        List<JsonNode> incidents = page.get("content").valueStream().toList();
        assertThat(incidents).extracting(i -> i.get("dedupKey").asString()).doesNotHaveDuplicates().hasSize(KEYS);
        assertThat(incidents).allSatisfy(i -> assertThat(i.get("alertCount").asInt()).isEqualTo(TRIGGERS_PER_KEY));
        assertThat(incidents).allSatisfy(i -> assertThat(i.get("status").asString()).isEqualTo("TRIGGERED"));
        triggeredAt = incidents.stream().collect(Collectors.toMap(i -> i.get("id").asString(),
                i -> Instant.parse(i.get("triggeredAt").asString())));

        // Each incident paged once, by whichever node's outbox worker claimed the row.
        await().atMost(Duration.ofSeconds(60)).until(() -> sms(FIRST).size() >= KEYS);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> sms(FIRST).size() == KEYS);
        assertThat(perIncident(sms(FIRST))).containsOnlyKeys(triggeredAt.keySet())
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));

        // Quartz: the rule's job fires every 2 s on one node of the cluster, never on both.
        Instant windowEnd = Instant.now();
        long evaluated = evaluations(a) + evaluations(b) - evaluationsBefore;
        long firings = Duration.between(windowStart, windowEnd).toMillis() / 2000 + 1;
        System.out.printf("multinode: %d evaluations of the 2 s rule job in %s (at most %d firings)%n", evaluated,
                Duration.between(windowStart, windowEnd), firings);
        assertThat(evaluated).as("evaluations in the window").isPositive().isLessThanOrEqualTo(firings + 1);
        assertThat(schedulerInstances()).as("one Quartz instance id per node (AUTO)").hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'incident'"))
                .as("the nodes started together deployed the incident process once").isEqualTo(1);
        a.api().delete("/api/v1/rules/" + rule, TOKEN);
    }

    @Test
    @Order(2)
    void nodeAKilledWhileIncidentsWaitForAcknowledgementAndNodeBEscalatesEachOnTimeOnce() throws Exception {
        assertThat(triggeredAt).as("the first test opened the incidents").hasSize(KEYS);
        Instant firstDue = triggeredAt.values().stream().min(Instant::compareTo).orElseThrow().plus(LEVEL_TIMEOUT);
        assertThat(sms(SECOND)).as("nothing escalated yet").isEmpty();
        List<String> quartzBefore = schedulerInstances();

        a.jvm().kill(); // SIGKILL on Linux: no shutdown hook, no lease given back
        Instant killedAt = Instant.now();
        System.out.printf("multinode: node A killed %s before the first escalation was due%n",
                Duration.between(killedAt, firstDue));

        Instant lastDue = triggeredAt.values().stream().max(Instant::compareTo).orElseThrow().plus(LEVEL_TIMEOUT);
        Duration wait = Duration.between(Instant.now(), lastDue.plus(ESCALATION_SLACK)).plusSeconds(5);
        await().atMost(wait).pollInterval(Duration.ofMillis(250)).until(() -> sms(SECOND).size() >= KEYS);
        // A duplicate, if there were one, would come from a job or a notification run a second time.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> sms(SECOND).size() == KEYS);

        List<SnsStandIn.Published> escalations = sms(SECOND);
        assertThat(perIncident(escalations)).containsOnlyKeys(triggeredAt.keySet())
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(b.sns().published()).as("node B sent every escalation").containsAll(escalations);
        Duration latest = Duration.ZERO;
        for (SnsStandIn.Published sms : escalations) {
            Instant due = triggeredAt.get(incidentOf(sms)).plus(LEVEL_TIMEOUT);
            Duration late = Duration.between(due, sms.at());
            assertThat(late).as(incidentOf(sms) + " escalated at " + sms.at() + ", due " + due)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(-50)).isLessThanOrEqualTo(ESCALATION_SLACK);
            latest = late.compareTo(latest) > 0 ? late : latest;
        }
        System.out.printf("multinode: 100 escalations by node B, the latest %s after its due time%n", latest);
        assertThat(sms(FIRST)).as("no page again").hasSize(KEYS);

        // Quartz on node B noticed node A's death and took over its scheduler state.
        await().atMost(Duration.ofSeconds(30)).until(() -> schedulerInstances().size() == 1);
        assertThat(quartzBefore).containsAll(schedulerInstances());
        JsonNode incidents = b.api().get("/api/v1/incidents?service=mn-svc&size=500", TOKEN).json();
        assertThat(incidents.get("content").valueStream().map(i -> i.get("escalationLevel").asInt()))
                .hasSize(KEYS).allMatch(level -> level == 2);
    }

    // --- set-up ----------------------------------------------------------------------------------------

    private void setUpOnCall() {
        ApiClient api = a.api();
        for (String[] user : List.of(new String[] {"mn-first", FIRST}, new String[] {"mn-second", SECOND})) {
            ApiClient.Response created = api.post("/api/v1/users", TOKEN, JSON, """
                    {"username": "%s", "displayName": "%s", "password": "correct horse battery", "roles": ["RESPONDER"],
                     "contactMethods": [{"type": "SMS", "address": "%s"}]}""".formatted(user[0], user[0], user[1]));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        ApiClient.Response policy = api.post("/api/v1/escalation-policies", TOKEN, JSON, """
                {"name": "mn-policy", "repeat": 0,
                 "levels": [{"timeout": "%s", "targets": [{"type": "USER", "ref": "mn-first"}]},
                            {"timeout": "PT30M", "targets": [{"type": "USER", "ref": "mn-second"}]}]}"""
                .formatted(LEVEL_TIMEOUT));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        ApiClient.Response service = api.post("/api/v1/services", TOKEN, JSON, """
                {"name": "mn-svc", "escalationPolicy": "mn-policy"}""");
        assertThat(service.status()).as(service.body()).isEqualTo(201);
        integrationKey = service.json().get("integrationKey").asString();
    }

    private String createNeverBreachingRule() {
        ApiClient.Response created = a.api().post("/api/v1/rules", TOKEN, JSON, """
                {"name": "multinode quartz probe", "query": {"metric": "mn.never", "aggregation": "max", "window": "PT5S"},
                 "condition": {"comparator": ">", "threshold": 500}, "evaluateEvery": "PT2S"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /**
     * 1,000 PagerDuty triggers, request i to node i % 2; the ten triggers of a key are consecutive, so
     * with 20 in flight they reach both nodes at the same moment and race for the key.
     */
    private void sendTriggers() {
        Semaphore inFlight = new Semaphore(20);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < KEYS * TRIGGERS_PER_KEY; i++) {
            Node node = i % 2 == 0 ? a : b;
            String body = """
                    {"routing_key": "%s", "event_action": "trigger", "dedup_key": "key-%03d",
                     "payload": {"summary": "Disk full on host %d", "source": "host-%d", "severity": "critical"}}"""
                    .formatted(integrationKey, i / TRIGGERS_PER_KEY, i / TRIGGERS_PER_KEY, i / TRIGGERS_PER_KEY);
            inFlight.acquireUninterruptibly();
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/v2/enqueue"))
                            .header("Content-Type", JSON).timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        statuses.merge(response == null ? -1 : response.statusCode(), 1, Integer::sum);
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        assertThat(statuses).as("replies by status").containsExactly(Map.entry(202, KEYS * TRIGGERS_PER_KEY));
    }

    // --- what the nodes did ------------------------------------------------------------------------------

    private List<SnsStandIn.Published> sms(String phoneNumber) {
        return Stream.of(a, b).flatMap(n -> n.sns().published().stream())
                .filter(p -> phoneNumber.equals(p.phoneNumber())).toList();
    }

    private static Map<String, Long> perIncident(List<SnsStandIn.Published> sms) {
        return sms.stream().collect(Collectors.groupingBy(MultiNodePostgresOwnContextTests::incidentOf,
                Collectors.counting()));
    }

    private static String incidentOf(SnsStandIn.Published sms) {
        Matcher id = INCIDENT_ID.matcher(sms.message());
        assertThat(id.find()).as(sms.message()).isTrue();
        return id.group();
    }

    /** Evaluation cycles of the 2 s rule job this node ran (its Prometheus endpoint). */
    private long evaluations(Node node) {
        String metrics = node.api().get("/actuator/prometheus", null).body();
        return metrics.lines()
                .filter(l -> l.startsWith("vigil_alerting_evaluation_duration_seconds_count") && l.contains("\"PT2S\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> schedulerInstances() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT instance_name FROM qrtz_scheduler_state")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private Node launch(String name) throws IOException {
        SnsStandIn sns = new SnsStandIn();
        return new Node(VigilNode.launch(name, LOGS, database, sns.endpoint()), sns);
    }
}

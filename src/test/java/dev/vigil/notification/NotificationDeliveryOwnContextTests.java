package dev.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.notification.sns.SnsStandIn;
import dev.vigil.notification.sns.StandInCredentials;
import dev.vigil.notification.sns.SnsStandIn.Failure;
import tools.jackson.databind.JsonNode;

/**
 * The outbox delivered through the real AWS SDK SNS client to a local SNS stand-in: a page with its
 * one-tap link, retries, throttling, fallback to the next contact method, retry by hand, announcements,
 * and rows a dead node left behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vigil-notify;DB_CLOSE_DELAY=-1",
        "vigil.data-dir=target/it-notify",
        "vigil.demo.enabled=false",
        "vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN,
        "vigil.notification.sns.enabled=true",
        "vigil.notification.sns.region=eu-west-1",
        "vigil.notification.sns.sender-id=Vigil",
        "vigil.notification.sns.announcement-topic=arn:aws:sns:eu-west-1:123456789012:vigil-announcements",
        "vigil.notification.initial-backoff=PT0.05S",
        "vigil.notification.max-backoff=PT0.2S",
        "vigil.notification.max-attempts=3",
        "vigil.notification.give-up-after=PT0S",
        "vigil.notification.poll-interval=PT0.2S",
        "vigil.notification.lease=PT5S"})
@Import(StandInCredentials.class)
class NotificationDeliveryOwnContextTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";
    private static final Pattern ACK_LINK = Pattern.compile("Ack: (http://localhost:\\d+)(/a/[A-Za-z0-9_-]{32})$");
    private static final SnsStandIn SNS = SnsStandIn.start();
    private static final List<String> HOOKS = new CopyOnWriteArrayList<>();
    private static final HttpServer HOOK_RECEIVER = startHookReceiver();

    @DynamicPropertySource
    static void snsEndpoint(DynamicPropertyRegistry registry) {
        registry.add("vigil.notification.sns.endpoint", () -> SNS.endpoint().toString());
    }

    @AfterAll
    static void stopStandIns() {
        SNS.close();
        HOOK_RECEIVER.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    NotificationManagement notifications;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        SNS.reset();
        HOOKS.clear();
    }

    @Test
    void aPageReachesThePhoneThroughSnsAndItsLinkAcknowledgesOnceWithoutLogin() {
        String ana = responder("[{\"type\": \"SMS\", \"address\": \"+15550001111\"}]");
        String id = openIncidentPaging(ana);

        SnsStandIn.Published sms = await().atMost(Duration.ofSeconds(10)).until(() -> SNS.published().stream()
                .filter(p -> p.message().contains(id + " ")).findFirst().orElse(null), p -> p != null);
        assertThat(sms.phoneNumber()).isEqualTo("+15550001111");
        assertThat(sms.attribute("AWS.SNS.SMS.SMSType")).isEqualTo("Transactional");
        assertThat(sms.message()).startsWith("[Vigil] CRITICAL " + id + " Payments are failing").hasSizeLessThanOrEqualTo(160);
        Matcher link = ACK_LINK.matcher(sms.message());
        assertThat(link.find()).as(sms.message()).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(notifications.ofIncident(id))
                .filteredOn(n -> n.recipient().equals(ana)).singleElement()
                .satisfies(n -> {
                    assertThat(n.status()).isEqualTo("SENT");
                    assertThat(n.channel()).isEqualTo("SMS");
                    assertThat(n.providerMessageId()).isEqualTo(sms.messageId());
                    assertThat(n.attempts()).isEqualTo(1);
                }));

        ApiClient.Response tapped = api().get(link.group(2), null);
        assertThat(tapped.status()).isEqualTo(200);
        assertThat(tapped.body()).contains(id + " acknowledged", "Thanks, " + ana);
        JsonNode incident = api().get("/api/v1/incidents/" + id, TOKEN).json();
        assertThat(incident.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(incident.get("assignee").asString()).isEqualTo(ana);

        ApiClient.Response again = api().get(link.group(2), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already been used");
        String token = link.group(2).substring(3);
        String tampered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        assertThat(api().get("/a/" + tampered, null).status()).isEqualTo(404);
        assertThat(api().get("/a/short", null).body()).contains("This link is not valid");
    }

    @Test
    void anExpiredLinkIsRefusedAndALinkPreviewDoesNotAcknowledge() {
        String ana = responder("[{\"type\": \"SMS\", \"address\": \"+15550002222\"}]");
        String id = openIncidentPaging(ana);
        String path = linkOf(await().atMost(Duration.ofSeconds(10)).until(() -> SNS.published().stream()
                .filter(p -> p.message().contains(id + " ")).findFirst().orElse(null), p -> p != null));

        ApiClient.Response preview = api().getWithUserAgent(path, "facebookexternalhit/1.1 Facebot Twitterbot/1.0");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("Acknowledge this incident?", "method=\"post\"");
        assertThat(api().get("/api/v1/incidents/" + id, TOKEN).json().get("status").asString()).isEqualTo("TRIGGERED");

        jdbc.sql("UPDATE acknowledge_link SET expires_at = 0 WHERE id = ?").param(path.substring(3, 19)).update();
        ApiClient.Response expired = api().get(path, null);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired", "/incidents/" + id);
        assertThat(api().get("/api/v1/incidents/" + id, TOKEN).json().get("status").asString()).isEqualTo("TRIGGERED");
    }

    @Test
    void passingFailuresAreRetriedWithBackoffAndTheMessageIsSentOnce() {
        SNS.failNext(2, Failure.SERVER_ERROR);

        long id = request("retry-" + UUID.randomUUID(), new NotificationRequest.Address("SMS", "+15550003333"));

        Notification sent = awaitStatus(id, "SENT");
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.lastError()).contains("InternalError");
        assertThat(SNS.refused()).containsExactly(Failure.SERVER_ERROR, Failure.SERVER_ERROR);
        assertThat(SNS.published()).filteredOn(p -> "+15550003333".equals(p.phoneNumber())).hasSize(1);
    }

    @Test
    void throttlingSlowsTheChannelDownWithoutCountingAgainstTheMessage() {
        SNS.failNext(2, Failure.THROTTLING);

        long id = request("throttled-" + UUID.randomUUID(), new NotificationRequest.Address("SMS", "+15550004444"));

        Notification sent = awaitStatus(id, "SENT");
        assertThat(sent.attempts()).as("throttled tries are not attempts").isEqualTo(1);
        assertThat(SNS.published()).filteredOn(p -> "+15550004444".equals(p.phoneNumber())).hasSize(1);
    }

    @Test
    void aNumberSnsRefusesFailsVisiblyAndFallsBackToTheWebhook() {
        String hook = "http://127.0.0.1:" + HOOK_RECEIVER.getAddress().getPort() + "/hook";
        String bo = responder("[{\"type\": \"SMS\", \"address\": \"+15550005555\"}, {\"type\": \"WEBHOOK\", \"address\": \""
                + hook + "\"}]");
        SNS.failNext(1, Failure.INVALID_NUMBER);
        String id = openIncidentPaging(bo);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Notification> rows = notifications.ofIncident(id).stream().filter(n -> n.recipient().equals(bo)).toList();
            assertThat(rows).extracting(Notification::channel, Notification::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("SMS", "FAILED"),
                            org.assertj.core.groups.Tuple.tuple("WEBHOOK", "SENT"));
            assertThat(rows.get(0).lastError()).contains("InvalidParameter");
            assertThat(rows.get(1).fallbackOf()).isEqualTo(rows.get(0).id());
        });
        assertThat(HOOKS).singleElement().satisfies(body -> assertThat(body).contains(id, "Payments are failing"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api().get("/api/v1/incidents/" + id, TOKEN).json().get("timeline").valueStream()
                        .filter(e -> e.get("kind").asString().equals("notification-failed"))
                        .map(e -> e.get("message").asString()).toList())
                .singleElement().asString().contains("InvalidParameter", "trying WEBHOOK next"));
    }

    @Test
    void aNotificationThatFailedForGoodCanBeRetriedByHandOverTheApi() {
        SNS.failNext(3, Failure.SERVER_ERROR);
        long id = request("by-hand-" + UUID.randomUUID(), new NotificationRequest.Address("SMS", "+15550006666"));
        Notification failed = awaitStatus(id, "FAILED");
        assertThat(failed.lastError()).startsWith("Gave up after 3 attempts");
        assertThat(api().get("/api/v1/notifications?status=failed&channel=sms", TOKEN).json().get("content")
                .valueStream().map(n -> n.get("id").asLong()).toList()).contains(id);

        ApiClient.Response retried = api().post("/api/v1/notifications/" + id + "/retry", TOKEN, JSON, "");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(awaitStatus(id, "SENT").providerMessageId()).isNotBlank();
        assertThat(api().post("/api/v1/notifications/" + id + "/retry", TOKEN, JSON, "").status()).isEqualTo(409);
        assertThat(api().get("/api/v1/notifications?status=LOST", TOKEN).status()).isEqualTo(400);
    }

    @Test
    void announcementsArePublishedOnTheAnnouncementTopic() {
        transactions.executeWithoutResult(tx -> notifications.announce("Monthly report for November is ready",
                "Availability 99.95 %", "http://localhost/reports?archive=1"));

        SnsStandIn.Published published = await().atMost(Duration.ofSeconds(10)).until(() -> SNS.published().stream()
                .filter(p -> p.topicArn() != null).findFirst().orElse(null), p -> p != null);
        assertThat(published.topicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:vigil-announcements");
        assertThat(published.subject()).isEqualTo("Monthly report for November is ready");
        assertThat(published.message()).contains("Availability 99.95 %", "http://localhost/reports?archive=1");
    }

    @Test
    void aNewIncidentIsBroadcastOnItsTeamsTopic() {
        String team = "t" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "arn:aws:sns:eu-west-1:123456789012:" + team;
        ApiClient.Response notAnArn = api().post("/api/v1/teams", TOKEN, JSON,
                "{\"name\": \"" + team + "\", \"broadcastTopic\": \"payments-topic\"}");
        assertThat(notAnArn.status()).isEqualTo(400);
        assertThat(notAnArn.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/broadcastTopic");
        assertThat(api().post("/api/v1/teams", TOKEN, JSON,
                "{\"name\": \"" + team + "\", \"broadcastTopic\": \"" + topic + "\"}").status()).isEqualTo(201);
        assertThat(api().post("/api/v1/services", TOKEN, JSON, """
                {"name": "%s-svc", "team": "%s"}""".formatted(team, team)).status()).isEqualTo(201);

        String id = api().post("/api/v1/incidents", TOKEN, JSON, """
                {"title": "Queue is backing up", "service": "%s-svc", "severity": "high"}""".formatted(team))
                .json().get("id").asString();

        SnsStandIn.Published broadcast = await().atMost(Duration.ofSeconds(10)).until(() -> SNS.published().stream()
                .filter(p -> topic.equals(p.topicArn())).findFirst().orElse(null), p -> p != null);
        assertThat(broadcast.subject()).isEqualTo("[Vigil] HIGH " + id + " Queue is backing up");
        assertThat(broadcast.message()).contains("Service: " + team + "-svc", "/incidents/" + id);
    }

    @Test
    void rowsADeadNodeWasSendingAreSentOnceItsLeaseRunsOut() {
        String marker = "orphan-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        // Queued and claimed by a node that then died: nobody may send it while the lease lasts, any node after.
        jdbc.sql("INSERT INTO notification (recipient, channel, address, kind, message, status, attempts, created_at, "
                        + "next_attempt_at, lease_owner, lease_until) VALUES ('ana', 'SMS', '+15550007777', 'test', ?, "
                        + "'PENDING', 0, ?, ?, 'dead-node:1', ?)")
                .params(marker, now, now, now + 2_000).update();
        long id = jdbc.sql("SELECT id FROM notification WHERE message = ?").param(marker).query(Long.class).single();

        await().during(Duration.ofMillis(1_200)).atMost(Duration.ofMillis(1_600))
                .until(() -> SNS.published().stream().noneMatch(p -> p.message().contains(marker)));
        Notification sent = awaitStatus(id, "SENT");

        assertThat(SNS.published()).filteredOn(p -> p.message().contains(marker)).hasSize(1);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void aTestNotificationGoesToTheContactMethodAsked() {
        String ana = responder("[{\"type\": \"SMS\", \"address\": \"+15550008888\"}]");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                TestAccounts.ADMIN, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESPONDER")));
        long id;
        try {
            id = notifications.sendTest(ana, new NotificationRequest.Address("SMS", "+15550008888"));
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(awaitStatus(id, "SENT").kind()).isEqualTo("test");
        assertThat(SNS.published()).filteredOn(p -> "+15550008888".equals(p.phoneNumber())).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("[Vigil] Test notification for " + ana));
    }

    private long request(String text, NotificationRequest.Address address) {
        return transactions.execute(tx -> notifications.request(new NotificationRequest(null, "ana", "test", "Test",
                text, text, false, List.of(address))));
    }

    private Notification awaitStatus(long id, String status) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> outbox.find(id).orElseThrow(),
                n -> n.status().equals(status));
    }

    /** A responder with these contact methods, alone on a policy and a service of their own. */
    private String responder(String contactMethods) {
        String name = "r" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/users", TOKEN, JSON, """
                {"username": "%s", "displayName": "%s", "password": "correct horse battery", "roles": ["RESPONDER"],
                 "contactMethods": %s}""".formatted(name, name, contactMethods)).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/escalation-policies", TOKEN, JSON, """
                {"name": "%s-policy", "repeat": 0,
                 "levels": [{"timeout": "PT30M", "targets": [{"type": "USER", "ref": "%s"}]}]}"""
                .formatted(name, name)).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/services", TOKEN, JSON, """
                {"name": "%s-svc", "escalationPolicy": "%s-policy"}""".formatted(name, name)).status()).isEqualTo(201);
        return name;
    }

    private String openIncidentPaging(String responder) {
        ApiClient.Response opened = api().post("/api/v1/incidents", TOKEN, JSON, """
                {"title": "Payments are failing", "service": "%s-svc", "severity": "critical"}""".formatted(responder));
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private static String linkOf(SnsStandIn.Published sms) {
        Matcher link = ACK_LINK.matcher(sms.message());
        assertThat(link.find()).as(sms.message()).isTrue();
        return link.group(2);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static HttpServer startHookReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/hook", exchange -> {
                try (exchange) {
                    HOOKS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.notification.sns.SnsStandIn;
import dev.vigil.notification.sns.StandInCredentials;
import dev.vigil.notification.sns.SnsStandIn.Failure;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * SNS down for minutes (the stand-in answers 500 for two thirds of the outage, then {@code Throttling} for
 * the rest, then accepts again) while breaches keep coming: alerting goes on and opens an incident per
 * breach, every page is tried and retried, {@code notificationDelivery} shows DEGRADED on the health
 * endpoint, and after recovery every page reaches SNS exactly once and health is UP again. Runs with the
 * production delivery settings (backoff, attempts, give-up) so the recovery time is the one users get.
 * The outage lasts {@code -Dvigil.test.sns-outage=PT3M} (the default); give a longer one to soak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vigil-sns-outage;DB_CLOSE_DELAY=-1",
        "vigil.data-dir=target/it-sns-outage",
        "vigil.demo.enabled=false",
        "vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN,
        "vigil.notification.sns.enabled=true",
        "vigil.notification.sns.region=eu-west-1"})
@Import(StandInCredentials.class)
class SnsOutageOwnContextTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";
    private static final String SERVICE = "so-svc";
    private static final String PHONE = "+15550007777";
    private static final Duration OUTAGE = Duration.parse(System.getProperty("vigil.test.sns-outage", "PT3M"));
    private static final Duration BREACH_EVERY = Duration.ofSeconds(10);
    private static final SnsStandIn SNS = SnsStandIn.start();

    @DynamicPropertySource
    static void snsEndpoint(DynamicPropertyRegistry registry) {
        registry.add("vigil.notification.sns.endpoint", () -> SNS.endpoint().toString());
    }

    @AfterAll
    static void stopStandIn() {
        SNS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    NotificationManagement notifications;
    @Autowired
    MeterRegistry meters;
    private HttpClient admin;

    @Test
    void alertingGoesOnThroughAnSnsOutageAndEveryPageIsDeliveredOnceAfterIt() {
        setUpOnCallAndRule();
        breach("h-before");
        await().atMost(Duration.ofSeconds(30)).until(() -> SNS.published().size() == 1);
        assertThat(health("/actuator/health").json().get("status").asString()).isEqualTo("UP");

        Duration serverErrors = OUTAGE.multipliedBy(2).dividedBy(3);
        Duration throttling = OUTAGE.minus(serverErrors);
        List<String> hosts = new CopyOnWriteArrayList<>();
        AtomicInteger pushFailures = new AtomicInteger();
        ScheduledExecutorService breaches = Executors.newSingleThreadScheduledExecutor();
        Instant outageStart = Instant.now();
        Duration degradedAfter;
        SNS.failAll(Failure.SERVER_ERROR);
        breaches.scheduleAtFixedRate(() -> {
            String host = "h-" + hosts.size();
            if (breach(host)) {
                hosts.add(host);
            } else {
                pushFailures.incrementAndGet();
            }
        }, 0, BREACH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            await().atMost(Duration.ofSeconds(60)).until(this::deliveryDegraded);
            degradedAfter = Duration.between(outageStart, Instant.now());
            JsonNode asAdmin = adminHealth();
            assertThat(asAdmin.at("/components/notificationDelivery/status").asString()).isEqualTo("DEGRADED");
            assertThat(asAdmin.at("/components/notificationDelivery/details/reason").asString()).contains("SMS", "InternalError");
            assertThat(asAdmin.at("/status").asString()).isEqualTo("DEGRADED");

            await().during(serverErrors.minus(degradedAfter)).atMost(serverErrors.plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(2)).until(() -> deliveryDegraded() && SNS.published().size() == 1);
            SNS.failAll(Failure.THROTTLING);
            await().during(throttling).atMost(throttling.plusSeconds(30)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> deliveryDegraded() && SNS.published().size() == 1);
            JsonNode backingUp = adminHealth().at("/components/notificationDelivery/details");
            assertThat(backingUp.get("pending").asLong()).isPositive();
            assertThat(backingUp.get("oldestPendingSeconds").asLong()).isGreaterThanOrEqualTo(OUTAGE.toSeconds() - 15);
        } finally {
            breaches.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(breaches::isTerminated);
        SNS.recover();
        Instant recovered = Instant.now();
        Duration outage = Duration.between(outageStart, recovered);
        Map<Failure, Long> refused = SNS.refused().stream().collect(Collectors.groupingBy(f -> f, Collectors.counting()));

        await().atMost(Duration.ofSeconds(120)).until(() -> incidentIds().size() == hosts.size() + 1
                && SNS.published().size() == hosts.size() + 1 && notifications.deliveryHealth().pending() == 0);
        List<String> incidents = incidentIds();
        List<Notification> rows = incidents.stream().flatMap(id -> notifications.ofIncident(id).stream()).toList();
        List<SnsStandIn.Published> published = SNS.published();
        Instant lastDelivery = published.stream().map(SnsStandIn.Published::at).max(Instant::compareTo).orElseThrow();
        Map<String, Long> perMessage = published.stream()
                .collect(Collectors.groupingBy(SnsStandIn.Published::message, Collectors.counting()));
        long duplicates = perMessage.values().stream().mapToLong(n -> n - 1).sum();
        List<String> providerIds = rows.stream().map(Notification::providerMessageId).toList();
        long lost = rows.stream().filter(n -> !"SENT".equals(n.status())).count();

        assertThat(hosts).as("a breach every %s during the outage", BREACH_EVERY)
                .hasSizeGreaterThanOrEqualTo((int) (OUTAGE.toSeconds() / BREACH_EVERY.toSeconds()) - 1);
        assertThat(pushFailures).as("metric pushes during the SNS outage").hasValue(0);
        assertThat(rows).as("one page per incident").hasSize(incidents.size())
                .allSatisfy(n -> assertThat(n.status()).isEqualTo("SENT"));
        assertThat(duplicates).isZero();
        assertThat(perMessage).hasSize(rows.size());
        assertThat(published).extracting(SnsStandIn.Published::messageId).containsExactlyInAnyOrderElementsOf(providerIds);
        assertThat(published).allSatisfy(p -> assertThat(p.phoneNumber()).isEqualTo(PHONE));
        assertThat(refused).containsKeys(Failure.SERVER_ERROR, Failure.THROTTLING);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveryDegraded());
        Duration upAgain = Duration.between(recovered, Instant.now());
        assertThat(health("/actuator/health").json().get("status").asString()).isEqualTo("UP");

        System.out.printf("sns-outage: outage %d s (%d s of 500s, %d s of Throttling); %d breaches during it, %d incidents "
                        + "opened in all, %d pages; SNS refused %d calls (%d InternalError 500, %d Throttling 400), the "
                        + "worker recorded %.0f retries (%.0f of them throttled); after recovery %d pages delivered, the "
                        + "last %d ms after recovery; duplicates %d, lost %d; health DEGRADED %d s into the outage, UP %d s after recovery%n",
                outage.toSeconds(), serverErrors.toSeconds(), throttling.toSeconds(), hosts.size(), incidents.size(),
                rows.size(), SNS.refused().size(), refused.getOrDefault(Failure.SERVER_ERROR, 0L),
                refused.getOrDefault(Failure.THROTTLING, 0L), retries(null), retries("true"),
                published.stream().filter(p -> p.at().isAfter(recovered)).count(),
                Duration.between(recovered, lastDelivery).toMillis(), duplicates, lost, degradedAfter.toSeconds(),
                upAgain.toSeconds());
    }

    // --- set-up and helpers ----------------------------------------------------------------------------

    private void setUpOnCallAndRule() {
        created(api().post("/api/v1/users", TOKEN, JSON, """
                {"username": "so-ana", "displayName": "Ana", "password": "correct horse battery", "roles": ["RESPONDER"],
                 "contactMethods": [{"type": "SMS", "address": "%s"}]}""".formatted(PHONE)));
        created(api().post("/api/v1/escalation-policies", TOKEN, JSON, """
                {"name": "so-policy", "repeat": 0, "levels": [{"timeout": "PT30M", "targets": [{"type": "USER", "ref": "so-ana"}]}]}"""));
        created(api().post("/api/v1/services", TOKEN, JSON, """
                {"name": "%s", "escalationPolicy": "so-policy"}""".formatted(SERVICE)));
        created(api().post("/api/v1/rules", TOKEN, JSON, """
                {"name": "sns outage errors", "service": "%s", "severity": "critical",
                 "query": {"metric": "so.errors", "aggregation": "max", "window": "PT15S"},
                 "condition": {"comparator": ">", "threshold": 5}, "evaluateEvery": "PT1S", "escalationPolicy": "so-policy"}"""
                .formatted(SERVICE)));
    }

    /** A breaching sample for one host: a new alert instance, so a new incident. */
    private boolean breach(String host) {
        ApiClient.Response pushed = api().post("/api/v1/metrics", TOKEN, JSON, """
                {"samples": [{"metric": "so.errors", "labels": {"service": "%s", "host": "%s"}, "value": 42}]}"""
                .formatted(SERVICE, host));
        return pushed.status() == 202;
    }

    private List<String> incidentIds() {
        return api().get("/api/v1/incidents?service=" + SERVICE + "&size=500", TOKEN).json().get("content").valueStream()
                .map(i -> i.get("id").asString()).toList();
    }

    /** As the dashboard sees it: the component's status on {@code /actuator/health}, read with details. */
    private boolean deliveryDegraded() {
        return "DEGRADED".equals(adminHealth().at("/components/notificationDelivery/status").asString());
    }

    private ApiClient.Response health(String path) {
        return api().get(path, null);
    }

    /** {@code /actuator/health} with details, as the admin signed in through the login form. */
    private JsonNode adminHealth() {
        try {
            if (admin == null) {
                admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                HttpResponse<String> login = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + TestAccounts.ADMIN + "&password="
                                + TestAccounts.ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            }
            HttpResponse<String> health = admin.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("DEGRADED answers 200").isEqualTo(200);
            return new ApiClient.Response(health.statusCode(), "", health.body()).json();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double retries(String throttled) {
        return meters.find("vigil.notifications.retries").counters().stream()
                .filter(c -> throttled == null || throttled.equals(c.getId().getTag("throttled")))
                .mapToDouble(c -> c.count()).sum();
    }

    private static void created(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

}

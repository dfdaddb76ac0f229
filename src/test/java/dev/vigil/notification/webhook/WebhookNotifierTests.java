package dev.vigil.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.vigil.notification.Delivery;
import dev.vigil.notification.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries to a local receiver: the signed JSON, and what each answer means for the outbox. */
class WebhookNotifierTests {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final String SECRET = "whsec-test";

    private record Received(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private volatile String retryAfter;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                if (retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void postsTheNotificationAsJsonSignedWithTheSharedSecret() {
        Delivery delivery = notifier().send(message(url()));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
        Received request = received.getFirst();
        JsonNode body = JsonMapper.builder().build().readTree(request.body());
        assertThat(body.get("incidentId").asString()).isEqualTo("INC-7");
        assertThat(body.get("kind").asString()).isEqualTo("page");
        assertThat(body.get("text").asString()).startsWith("checkout p95 812ms > 500ms");
        assertThat(request.header("X-Vigil-Delivery")).isEqualTo("7");
        // What a receiver does: recompute the HMAC over "timestamp.body" with the secret it was given.
        String expected = "t=" + NOW.getEpochSecond() + ",v1="
                + WebhookSignature.hmac(SECRET, NOW.getEpochSecond() + "." + request.body());
        assertThat(request.header("X-Vigil-Signature")).isEqualTo(expected);
        assertThat(WebhookSignature.hmac("another secret", NOW.getEpochSecond() + "." + request.body()))
                .isNotEqualTo(expected.substring(expected.indexOf("v1=") + 3));
    }

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({
            "200, SENT, false",
            "202, SENT, false",
            "500, RETRY, false",
            "503, RETRY, false",
            "408, RETRY, false",
            "429, RETRY, true",
            "400, FAILED, false",
            "404, FAILED, false",
            "410, FAILED, false"})
    void eachAnswerMeansDeliveredRetryOrGiveUp(int answer, Delivery.Outcome outcome, boolean throttled) {
        status = answer;

        Delivery delivery = notifier().send(message(url()));

        assertThat(delivery.outcome()).isEqualTo(outcome);
        assertThat(delivery.throttled()).isEqualTo(throttled);
        if (outcome != Delivery.Outcome.SENT) {
            assertThat(delivery.error()).contains("HTTP " + answer);
        }
    }

    @Test
    void retryAfterIsHonoured() {
        status = 503;
        retryAfter = "120";

        assertThat(notifier().send(message(url())).retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void anUnreachableReceiverIsRetriedAndANonUrlIsNot() {
        assertThat(notifier().send(message("http://127.0.0.1:9/hook")).outcome()).isEqualTo(Delivery.Outcome.RETRY);
        assertThat(notifier().send(message("not a url")).outcome()).isEqualTo(Delivery.Outcome.FAILED);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static WebhookNotifier notifier() {
        return new WebhookNotifier(HttpClient.newHttpClient(), () -> SECRET, Duration.ofSeconds(2),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Message message(String url) {
        return new Message(7, "INC-7", "ana", "WEBHOOK", url, "page", "[Vigil] CRITICAL INC-7",
                "[Vigil] CRITICAL INC-7 checkout p95 812ms > 500ms", "checkout p95 812ms > 500ms\nService: checkout", 0,
                List.of(), NOW);
    }
}

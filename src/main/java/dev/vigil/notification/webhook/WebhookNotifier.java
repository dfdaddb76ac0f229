package dev.vigil.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.vigil.notification.Delivery;
import dev.vigil.notification.Message;
import dev.vigil.notification.Notifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs the notification as JSON to the contact's URL, signed like Stripe's webhooks:
 * {@code X-Vigil-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} (see {@link WebhookSignature}),
 * and {@code X-Vigil-Delivery: <id>} so a receiver can drop the rare duplicate. 2xx is delivered; 408, 425,
 * 429 and 5xx and network trouble are retried (honouring {@code Retry-After}); any other answer is final.
 */
public final class WebhookNotifier implements Notifier {

    static final String CHANNEL = "WEBHOOK";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Supplier<String> secret;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param secret the signing secret, asked for at each send (it may be generated on first use)
     */
    public WebhookNotifier(HttpClient http, Supplier<String> secret, Duration timeout, Clock clock) {
        this.http = http;
        this.secret = secret;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Delivery send(Message message) {
        URI target;
        try {
            target = URI.create(message.address());
        } catch (IllegalArgumentException e) {
            return Delivery.failed("Not a URL: " + message.address());
        }
        String body = JSON.writeValueAsString(payload(message));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Vigil-Webhook/1")
                .header("X-Vigil-Delivery", String.valueOf(message.id()))
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret.get(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return outcome(response);
        } catch (IOException e) {
            return Delivery.retry("Webhook unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("Interrupted while sending", null);
        } catch (IllegalArgumentException e) {
            return Delivery.failed("Cannot send to " + message.address() + ": " + e.getMessage());
        }
    }

    private static Delivery outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Delivery.sent(response.headers().firstValue("X-Request-Id").orElse("HTTP " + status));
        }
        String error = "Webhook answered HTTP " + status + abbreviate(response.body());
        Duration retryAfter = retryAfter(response).orElse(null);
        if (status == 429) {
            return Delivery.throttled(error, retryAfter);
        }
        if (status == 408 || status == 425 || status >= 500) {
            return Delivery.retry(error, retryAfter);
        }
        return Delivery.failed(error);
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException dateForm) {
                return Optional.empty();
            }
        });
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    private static Map<String, Object> payload(Message message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", message.id());
        payload.put("kind", message.kind());
        payload.put("incidentId", message.incidentId());
        payload.put("recipient", message.recipient());
        payload.put("subject", message.subject());
        payload.put("text", message.longText() == null ? message.text() : message.longText());
        payload.put("shortText", message.text());
        payload.put("queuedAt", message.createdAt().toString());
        return payload;
    }
}

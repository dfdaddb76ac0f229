package dev.vigil.notification.sns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for SNS's {@code Publish}, speaking the wire protocol the AWS SDK uses for SNS: the
 * AWS Query protocol (form-encoded {@code Action=Publish&PhoneNumber=…&Message=…} POSTed to {@code /},
 * an XML {@code PublishResponse} with a {@code MessageId}). It records every Publish it accepts, and can
 * be told to answer the next calls with throttling, a server error or a refusal, or to answer slowly.
 */
public final class SnsStandIn implements AutoCloseable {

    /** How the next calls are answered instead of accepting them. */
    public enum Failure {
        THROTTLING(400, "Sender", "Throttling", "Rate exceeded"),
        SERVER_ERROR(500, "Receiver", "InternalError", "Internal failure, please retry"),
        INVALID_NUMBER(400, "Sender", "InvalidParameter", "Invalid parameter: PhoneNumber Reason: +1 is not valid to publish to");

        final int status;
        final String type;
        final String code;
        final String message;

        Failure(int status, String type, String code, String message) {
            this.status = status;
            this.type = type;
            this.code = code;
            this.message = message;
        }
    }

    /** One accepted Publish. */
    public record Published(String messageId, Instant at, long nanoTime, Map<String, String> form) {

        public String phoneNumber() {
            return form.get("PhoneNumber");
        }

        public String topicArn() {
            return form.get("TopicArn");
        }

        public String message() {
            return form.get("Message");
        }

        public String subject() {
            return form.get("Subject");
        }

        /** The value of the message attribute {@code name} ({@code AWS.SNS.SMS.SMSType}, …). */
        public String attribute(String name) {
            for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
                if (name.equals(form.get("MessageAttributes.entry." + i + ".Name"))) {
                    return form.get("MessageAttributes.entry." + i + ".Value.StringValue");
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final List<Failure> refused = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private volatile Duration delay = Duration.ZERO;

    public SnsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Fixed AWS credentials for a context whose SNS client talks to a stand-in; {@code @Import} it. */
    @org.springframework.boot.test.context.TestConfiguration
    public static class TestCredentials {

        @org.springframework.context.annotation.Bean
        software.amazon.awssdk.auth.credentials.AwsCredentialsProvider testAwsCredentials() {
            return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDVIGILIT", "vigil-it-secret"));
        }
    }

    /** A started stand-in, for a static field of a test class. */
    public static SnsStandIn started() {
        try {
            return new SnsStandIn();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} calls fail this way, then calls are accepted again. */
    public synchronized SnsStandIn failNext(int times, Failure failure) {
        for (int i = 0; i < times; i++) {
            failures.add(failure);
        }
        return this;
    }

    /** Every call from now on waits this long before it is answered. */
    public SnsStandIn answerAfter(Duration delay) {
        this.delay = delay;
        return this;
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    public List<Failure> refused() {
        return List.copyOf(refused);
    }

    public synchronized void reset() {
        published.clear();
        refused.clear();
        failures.clear();
        delay = Duration.ZERO;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            if (!"Publish".equals(form.get("Action"))) {
                answer(exchange, 400, error("Sender", "InvalidAction", "The stand-in only knows Publish"));
                return;
            }
            Failure failure = nextFailure();
            if (failure != null) {
                refused.add(failure);
                answer(exchange, failure.status, error(failure.type, failure.code, failure.message));
                return;
            }
            String id = UUID.randomUUID().toString();
            published.add(new Published(id, Instant.now(), System.nanoTime(), form));
            answer(exchange, 200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                    + "<MessageId>" + id + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                    + "</RequestId></ResponseMetadata></PublishResponse>");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Failure nextFailure() {
        return failures.poll();
    }

    private static String error(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type + "</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>";
    }

    private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

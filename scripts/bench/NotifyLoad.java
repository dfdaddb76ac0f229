import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Load driver for Vigil's notifications (run with the JDK's source launcher). It is also the SNS stand-in:
 * it answers Publish on STANDIN_PORT (AWS Query protocol, as the SDK speaks it) and notes when each
 * message arrived, keyed by phone number. Vigil must be started with
 * --vigil.notification.sns.enabled=true --vigil.notification.sns.endpoint=http://127.0.0.1:STANDIN_PORT.
 *
 *   java scripts/bench/NotifyLoad.java BASE_URL TOKEN STANDIN_PORT fanout|latency|storm [N]
 *
 * fanout:  N incidents (default 500) on a service whose policy pages 20 people at once (a level's most):
 *          N × 20 SMS through the outbox; prints SMS delivered per second at the stand-in.
 * latency: one rule (last value over 5 s > 100, every 1 s) on a service paging one person; N times
 *          (default 40): push a breaching sample at a random moment, time until the SMS arrives at the
 *          stand-in, then push a healthy sample and wait until the incident has resolved on recovery.
 * storm:   N series (default 10,000) breach one 1 s rule at once (one push): N incidents, N SMS; prints
 *          the time until the last SMS arrived and how many arrived twice.
 */
public class NotifyLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, ConcurrentLinkedQueue<Long>> ARRIVALS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> PER_MESSAGE = new ConcurrentHashMap<>();
    private static final AtomicInteger ARRIVED = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        HttpServer sns = standIn(Integer.parseInt(args[2]));
        try {
            switch (args[3]) {
                case "fanout" -> fanout(base, token, args.length > 4 ? Integer.parseInt(args[4]) : 500);
                case "latency" -> latency(base, token, args.length > 4 ? Integer.parseInt(args[4]) : 40);
                case "storm" -> storm(base, token, args.length > 4 ? Integer.parseInt(args[4]) : 10_000);
                default -> throw new IllegalArgumentException(args[3]);
            }
        } finally {
            sns.stop(0);
        }
    }

    static void fanout(String base, String token, int incidents) throws Exception {
        String[] people = new String[20];
        for (int i = 0; i < people.length; i++) {
            people[i] = person(base, token, "bench-fan-" + i, "+1555800" + String.format("%04d", i));
        }
        service(base, token, "bench-fan", people);
        int expected = incidents * people.length;
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < incidents; i++) {
            int n = i;
            clients.execute(() -> check(send(base, token, "POST", "/api/v1/incidents", "application/json",
                    "{\"title\": \"fan-out " + n + "\", \"service\": \"bench-fan\", \"severity\": \"high\"}"), 201));
        }
        clients.shutdown();
        clients.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        long openedAt = System.nanoTime();
        double opened = (openedAt - started) / 1e9;
        int arrivedWhileOpening = ARRIVED.get();
        long last = awaitArrivals(prefix("+1555800"), expected, Duration.ofMinutes(10));
        List<Long> all = arrivalsWithPrefix("+1555800");
        long first = all.stream().mapToLong(Long::longValue).min().orElseThrow();
        double seconds = (last - first) / 1e9;
        System.out.printf("opened %d incidents in %.1f s; %d SMS from first to last arrival in %.2f s%n",
                incidents, opened, all.size(), seconds);
        System.out.printf("RESULT fan-out: %d SMS through the outbox, %.0f SMS/s at the stand-in, duplicates %d%n",
                all.size(), all.size() / seconds, duplicates());
        System.out.printf("RESULT outbox drain once the incidents were open: %d SMS in %.2f s, %.0f SMS/s%n",
                all.size() - arrivedWhileOpening, (last - openedAt) / 1e9,
                (all.size() - arrivedWhileOpening) / ((last - openedAt) / 1e9));
        printDeliveryCounters(base);
    }

    static void latency(String base, String token, int runs) throws Exception {
        String phone = "+15559990000";
        service(base, token, "bench-e2e", person(base, token, "bench-e2e", phone));
        rule(base, token, "bench-e2e", "bench.e2e", "bench-e2e");
        push(base, token, "bench.e2e", Map.of("run", "0"), 0);
        Thread.sleep(2_000);
        List<Double> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1_000)); // land at a random moment of the 1 s tick
            int before = arrivals(phone).size();
            long breached = System.nanoTime();
            push(base, token, "bench.e2e", Map.of("run", "0"), 500);
            awaitArrivals(phone::equals, before + 1, Duration.ofSeconds(30));
            long arrived = arrivals(phone).stream().mapToLong(Long::longValue).max().orElseThrow();
            millis.add((arrived - breached) / 1e6);
            System.out.printf("run %d: breach to SMS at the stand-in %.0f ms%n", run, millis.getLast());
            push(base, token, "bench.e2e", Map.of("run", "0"), 0);
            awaitNoOpenIncident(base, token, "bench-e2e");
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("RESULT breach of a 1 s rule to SMS at SNS: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d runs)%n",
                pct(sorted, 50), pct(sorted, 95), sorted[sorted.length - 1], sorted.length);
    }

    static void storm(String base, String token, int series) throws Exception {
        String phone = "+15559990001";
        service(base, token, "bench-storm", person(base, token, "bench-storm", phone));
        rule(base, token, "bench-storm", "bench.storm", "bench-storm");
        StringBuilder healthy = new StringBuilder("{\"samples\": [");
        StringBuilder breach = new StringBuilder("{\"samples\": [");
        String now = Instant.now().toString();
        for (int i = 0; i < series; i++) {
            String sample = "{\"metric\": \"bench.storm\", \"labels\": {\"instance\": \"i" + i + "\"}, \"timestamp\": \"%s\", \"value\": %d}";
            healthy.append(i == 0 ? "" : ",").append(sample.formatted(now, 0));
        }
        check(send(base, token, "POST", "/api/v1/metrics", "application/json", healthy.append("]}").toString()), 202);
        Thread.sleep(3_000);
        String later = Instant.now().toString();
        for (int i = 0; i < series; i++) {
            String sample = "{\"metric\": \"bench.storm\", \"labels\": {\"instance\": \"i" + i + "\"}, \"timestamp\": \"%s\", \"value\": %d}";
            breach.append(i == 0 ? "" : ",").append(sample.formatted(later, 500));
        }
        long breached = System.nanoTime();
        check(send(base, token, "POST", "/api/v1/metrics", "application/json", breach.append("]}").toString()), 202);
        long last = awaitArrivals(phone::equals, series, Duration.ofMinutes(20));
        double[] sorted = arrivals(phone).stream().mapToDouble(t -> (t - breached) / 1e9).sorted().toArray();
        System.out.printf("RESULT %d simultaneous breaches: %d SMS delivered, first after %.1f s, half after %.1f s, "
                        + "last after %.1f s; duplicates %d%n", series, sorted.length, sorted[0], pct(sorted, 50),
                (last - breached) / 1e9, duplicates());
        printDeliveryCounters(base);
    }

    /** Vigil's own view: sent, retried (and why) and failed, from /actuator/prometheus. */
    static void printDeliveryCounters(String base) {
        String metrics = send(base, "none", "GET", "/actuator/prometheus", null, null).body();
        metrics.lines().filter(l -> l.startsWith("vigil_notifications_") && !l.contains("_bucket") && !l.contains("quantile"))
                .forEach(l -> System.out.println("  " + l));
    }

    // --- Vigil set-up through its API -----------------------------------------------------------------

    static String person(String base, String token, String name, String phone) {
        check(send(base, token, "POST", "/api/v1/users", "application/json", """
                {"username": "%s", "displayName": "%s", "password": "bench password 123", "roles": ["RESPONDER"],
                 "contactMethods": [{"type": "SMS", "address": "%s"}]}""".formatted(name, name, phone)), 201);
        return name;
    }

    static void service(String base, String token, String name, String... people) {
        String targets = String.join(", ", Arrays.stream(people)
                .map(p -> "{\"type\": \"USER\", \"ref\": \"" + p + "\"}").toList());
        check(send(base, token, "POST", "/api/v1/escalation-policies", "application/json", """
                {"name": "%s-policy", "repeat": 0, "levels": [{"timeout": "PT30M", "targets": [%s]}]}"""
                .formatted(name, targets)), 201);
        check(send(base, token, "POST", "/api/v1/services", "application/json", """
                {"name": "%s", "escalationPolicy": "%s-policy"}""".formatted(name, name)), 201);
    }

    static void rule(String base, String token, String id, String metric, String service) {
        check(send(base, token, "POST", "/api/v1/rules", "application/json", """
                {"id": "%s", "name": "%s", "service": "%s", "severity": "critical", "escalationPolicy": "%s-policy",
                 "query": {"metric": "%s", "aggregation": "last", "window": "PT5S"},
                 "condition": {"comparator": ">", "threshold": 100}, "missingData": "ignore", "evaluateEvery": "PT1S"}"""
                .formatted(id, id, service, service, metric)), 201);
    }

    static void push(String base, String token, String metric, Map<String, String> labels, double value) {
        StringBuilder l = new StringBuilder();
        labels.forEach((k, v) -> l.append(l.isEmpty() ? "" : ", ").append('"').append(k).append("\": \"").append(v).append('"'));
        check(send(base, token, "POST", "/api/v1/metrics", "application/json", """
                {"samples": [{"metric": "%s", "labels": {%s}, "timestamp": "%s", "value": %s}]}"""
                .formatted(metric, l, Instant.now(), value)), 202);
    }

    static void awaitNoOpenIncident(String base, String token, String service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> open = send(base, token, "GET",
                    "/api/v1/incidents?status=TRIGGERED&status=ACKNOWLEDGED&service=" + service, null, null);
            if (open.body().contains("\"totalElements\":0")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the incident did not resolve on recovery");
    }

    // --- the SNS stand-in ---------------------------------------------------------------------------

    static HttpServer standIn(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 500);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long at = System.nanoTime();
            try (exchange) {
                Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String phone = form.getOrDefault("PhoneNumber", form.getOrDefault("TopicArn", "?"));
                ARRIVALS.computeIfAbsent(phone, p -> new ConcurrentLinkedQueue<>()).add(at);
                ARRIVED.incrementAndGet();
                PER_MESSAGE.computeIfAbsent(phone + " " + form.get("Message"), m -> new AtomicInteger()).incrementAndGet();
                byte[] body = ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                        + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                        + "</RequestId></ResponseMetadata></PublishResponse>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/xml");
                // The JDK's HttpServer can leave a request that arrives on a reused keep-alive connection
                // unread for seconds under load (the SDK then times out and the outbox retries a message
                // the stand-in did get): one connection per request keeps the stand-in honest.
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static List<Long> arrivals(String phone) {
        return List.copyOf(ARRIVALS.getOrDefault(phone, new ConcurrentLinkedQueue<>()));
    }

    static List<Long> arrivalsWithPrefix(String prefix) {
        return ARRIVALS.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    static java.util.function.Predicate<String> prefix(String prefix) {
        return phone -> phone.startsWith(prefix);
    }

    /**
     * Waits until {@code count} messages matched; returns the arrival time of the last one. Each run sends to
     * one group of phones only, so the total arrival counter is checked cheaply and the matching ones are
     * counted only once it is high enough (scanning every arrival every few ms would eat the CPU Vigil needs).
     */
    static long awaitArrivals(java.util.function.Predicate<String> phones, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ARRIVED.get() >= count) {
                List<Long> seen = ARRIVALS.entrySet().stream().filter(e -> phones.test(e.getKey()))
                        .flatMap(e -> e.getValue().stream()).toList();
                if (seen.size() >= count) {
                    return seen.stream().mapToLong(Long::longValue).max().orElseThrow();
                }
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("only " + ARRIVALS.entrySet().stream().filter(e -> phones.test(e.getKey()))
                .mapToInt(e -> e.getValue().size()).sum() + " of " + count + " messages arrived in " + timeout);
    }

    static long duplicates() {
        return PER_MESSAGE.values().stream().filter(n -> n.get() > 1).count();
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static HttpResponse<String> send(String base, String token, String method, String path, String type, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}

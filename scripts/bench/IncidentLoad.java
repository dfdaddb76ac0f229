import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for Vigil's incidents (JDK source launcher, no build needed):
 *
 *   java scripts/bench/IncidentLoad.java open    BASE_URL TOKEN SECONDS THREADS
 *   java scripts/bench/IncidentLoad.java latency BASE_URL TOKEN RUNS
 *
 * open:    PagerDuty v2 trigger events with distinct dedup keys to the checkout service from THREADS
 *          threads for SECONDS; prints incidents opened per second (each opens an incident, starts its
 *          BPMN process and requests the first notifications in one transaction).
 * latency: RUNS triggers one after another; for each, the time from sending the event to the creation
 *          time of the incident's first notification request (read back from the incident).
 */
public class IncidentLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[1];
        String token = args[2];
        String key = integrationKey(base, token);
        switch (args[0]) {
            case "open" -> open(base, key, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "latency" -> latency(base, token, key, Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void open(String base, String key, int seconds, int threads) throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    int status = send(base, null, "POST", "/v2/enqueue", event(key, "bench-" + thread + "-" + n++ + "-"
                            + System.nanoTime())).statusCode();
                    latencies.add(System.nanoTime() - started);
                    (status == 202 ? opened : failed).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("RESULT incidents opened: %d in %d s = %.1f/s with %d threads (%d failed); request p50 %d ms p95 %d ms%n",
                opened.get(), seconds, opened.get() / (double) seconds, threads, failed.get(),
                sorted[sorted.length / 2] / 1_000_000, sorted[(int) (sorted.length * 0.95)] / 1_000_000);
    }

    static void latency(String base, String token, String key, int runs) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long sent = System.currentTimeMillis();
            send(base, null, "POST", "/v2/enqueue", event(key, "latency-" + i + "-" + sent));
            String incidents = send(base, token, "GET", "/api/v1/incidents?size=1", null).body();
            Matcher id = Pattern.compile("\"id\":\"(INC-\\d+)\"").matcher(incidents);
            id.find();
            String detail = send(base, token, "GET", "/api/v1/incidents/" + id.group(1), null).body();
            Matcher created = Pattern.compile("\"notifications\":\\[\\{[^}]*\"createdAt\":\"([^\"]+)\"").matcher(detail);
            if (!created.find()) {
                throw new IllegalStateException("no notification on " + id.group(1) + ": " + detail);
            }
            millis.add(Instant.parse(created.group(1)).toEpochMilli() - sent);
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("RESULT trigger-to-first-notification-requested: n=%d p50=%d ms p95=%d ms max=%d ms%n", runs,
                sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) Math.ceil(runs * 0.95) - 1)],
                sorted[sorted.length - 1]);
    }

    static String event(String key, String dedupKey) {
        return """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                 "payload": {"summary": "Benchmark incident", "source": "bench", "severity": "critical"}}"""
                .formatted(key, dedupKey);
    }

    static String integrationKey(String base, String token) throws Exception {
        String services = send(base, token, "GET", "/api/v1/services", null).body();
        Matcher m = Pattern.compile("\"name\":\"checkout\"[^}]*?\"integrationKey\":\"([0-9a-f]+)\"").matcher(services);
        if (!m.find()) {
            m = Pattern.compile("\"integrationKey\":\"([0-9a-f]+)\"[^}]*?\"name\":\"checkout\"").matcher(services);
            if (!m.find()) {
                throw new IllegalStateException("no checkout service in " + services);
            }
        }
        return m.group(1);
    }

    static HttpResponse<String> send(String base, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

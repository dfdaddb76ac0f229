import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-model load driver for Vigil's production mix (JDK source launcher, no build needed):
 *
 *   java scripts/bench/MixedLoad.java run  BASE_URL TOKEN RATE SECONDS
 *   java scripts/bench/MixedLoad.java step BASE_URL TOKEN FROM STEP TO SECONDS
 *
 * The mix: 60 % metric ingest (POST /api/v1/metrics, 10 samples over 100 series), 30 % incident list
 * reads (GET /api/v1/incidents?status=TRIGGERED&size=50), 10 % PagerDuty v2 triggers (POST /v2/enqueue)
 * over 20 dedup keys, so that after the first 20 they join open incidents, as a flapping alert does.
 * <p>
 * Requests are sent at a constant arrival rate, request i at start + i / RATE, whether or not earlier
 * ones have been answered (asynchronous sends). Latency is measured from that planned send time, not
 * from when the request actually left: if the driver or the server falls behind, the wait counts
 * (no coordinated omission). An error is any reply other than 2xx, a timeout (10 s) or an I/O failure.
 * run: one rate for SECONDS; step: FROM, FROM+STEP, ... up to TO for SECONDS each, stopping after the
 * first rate whose p99 is 25 ms or more or that had errors; prints the highest rate that met both.
 */
public class MixedLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final double TARGET_P99_MS = 25;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    public static void main(String[] args) throws Exception {
        String base = args[1];
        String token = args[2];
        String key = integrationKey(base, token);
        switch (args[0]) {
            case "run" -> print(run(base, token, key, Integer.parseInt(args[3]), Integer.parseInt(args[4])));
            case "step" -> step(base, token, key, Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    record Result(int rate, int seconds, int sent, int errors, double achieved, long[] micros, String firstError) {

        double percentile(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, index))] / 1000.0;
        }

        boolean meetsTarget() {
            return errors == 0 && percentile(99) < TARGET_P99_MS;
        }
    }

    static void step(String base, String token, String key, int from, int step, int to, int seconds) throws Exception {
        int best = 0;
        for (int rate = from; rate <= to; rate += step) {
            Result result = run(base, token, key, rate, seconds);
            print(result);
            if (!result.meetsTarget()) {
                break;
            }
            best = rate;
            Thread.sleep(3000); // let the last requests and the rollup job settle between steps
        }
        System.out.printf("highest rate with p99 < %.0f ms and no errors: %d requests/s%n", TARGET_P99_MS, best);
    }

    static Result run(String base, String token, String key, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] micros = new long[total];
        Arrays.fill(micros, -1);
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = new String[1];
        Phaser pending = new Phaser(1);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long planned = start + i * intervalNanos;
            long wait;
            while ((wait = planned - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pending.register();
            HTTP.sendAsync(request(base, token, key, i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        long took = System.nanoTime() - planned;
                        if (failure != null || response.statusCode() / 100 != 2) {
                            if (errors.getAndIncrement() == 0) {
                                firstError[0] = failure != null ? failure.toString()
                                        : response.statusCode() + " " + response.body();
                            }
                        } else {
                            micros[index] = took / 1000;
                        }
                        pending.arriveAndDeregister();
                    });
        }
        long sentAll = System.nanoTime();
        pending.arriveAndAwaitAdvance();
        double achieved = total / ((sentAll - start) / 1e9);
        long[] ok = Arrays.stream(micros).filter(m -> m >= 0).sorted().toArray();
        return new Result(rate, seconds, total, errors.get(), achieved, ok, firstError[0]);
    }

    private static void print(Result r) {
        System.out.printf("rate %5d/s for %d s (sent at %.0f/s): %d requests, %d errors, latency ms p50 %.1f, "
                + "p95 %.1f, p99 %.1f, max %.1f%s%n", r.rate(), r.seconds(), r.achieved(), r.sent(), r.errors(),
                r.percentile(50), r.percentile(95), r.percentile(99), r.percentile(100),
                r.firstError() == null ? "" : " (first error: " + abbreviate(r.firstError()) + ")");
    }

    /** Request i of the mix: 6 of every 10 ingest, 3 read, 1 triggers. */
    private static HttpRequest request(String base, String token, String key, int i) {
        int slot = i % 10;
        if (slot < 6) {
            StringBuilder body = new StringBuilder("{\"samples\": [");
            long now = System.currentTimeMillis();
            for (int s = 0; s < 10; s++) {
                int series = (i * 10 + s) % 100;
                body.append(s == 0 ? "" : ",").append("{\"metric\": \"bench.mixed\", \"labels\": {\"host\": \"h")
                        .append(series).append("\"}, \"timestamp\": ").append(now).append(", \"value\": ")
                        .append(i % 1000).append('}');
            }
            return post(base + "/api/v1/metrics", token, body.append("]}").toString());
        }
        if (slot < 9) {
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents?status=TRIGGERED&size=50"))
                    .header("Authorization", "Bearer " + token).timeout(TIMEOUT).GET().build();
        }
        return post(base + "/v2/enqueue", null, """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "mixed-%d",
                 "payload": {"summary": "Mixed load alert %d", "source": "bench", "severity": "warning"}}"""
                .formatted(key, (i / 10) % 20, (i / 10) % 20));
    }

    private static HttpRequest post(String url, String token, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** The integration key of a service named "bench", created if missing (it pages the default policy). */
    private static String integrationKey(String base, String token) throws Exception {
        HttpResponse<String> created = HTTP.send(post(base + "/api/v1/services", token, "{\"name\": \"bench\"}"),
                HttpResponse.BodyHandlers.ofString());
        String body = created.body();
        if (created.statusCode() != 201) {
            body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/services/bench"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        Matcher m = Pattern.compile("\"integrationKey\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No integration key in " + body);
        }
        return m.group(1);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

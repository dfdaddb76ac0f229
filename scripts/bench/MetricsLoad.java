import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for Vigil's metrics API (run with the JDK's source launcher, no build needed):
 *
 *   java scripts/bench/MetricsLoad.java ingest BASE_URL TOKEN BATCH SECONDS THREADS SERIES [START_HOURS_AGO]
 *   java scripts/bench/MetricsLoad.java seed   BASE_URL TOKEN DAYS STEP_SECONDS
 *   java scripts/bench/MetricsLoad.java query  BASE_URL TOKEN DAYS RUNS
 *
 * ingest: pushes batches of BATCH samples spread over SERIES series from THREADS threads for SECONDS,
 *         and prints samples/s and request latency percentiles. Time lines start START_HOURS_AGO (default
 *         144, inside the 7 days of raw retention), so a pre-fill can use older times than the run after it.
 * seed:   stores DAYS of one series (bench.latency) at STEP_SECONDS resolution.
 * query:  runs the p95-over-DAYS query RUNS times and prints its latency percentiles.
 */
public class MetricsLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ingest" -> ingest(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), args.length > 7 ? Integer.parseInt(args[7]) : 144);
            case "seed" -> seed(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "query" -> query(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void ingest(String base, String token, int batch, int seconds, int threads, int series, int startHoursAgo)
            throws Exception {
        AtomicLong samples = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        // Each thread walks its own time line so no two samples share (series, timestamp).
        long origin = Instant.now().minus(Duration.ofHours(startHoursAgo)).toEpochMilli();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long ts = origin + thread * 17L; // distinct millisecond offsets per thread
                while (System.nanoTime() < deadline) {
                    StringBuilder body = new StringBuilder(batch * 100).append("{\"samples\":[");
                    for (int i = 0; i < batch; i++) {
                        if (i % series == 0) {
                            ts += 1000;
                        }
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"metric\":\"bench.ingest\",\"labels\":{\"series\":\"s").append(i % series)
                                .append("\"},\"timestamp\":").append(ts).append(",\"value\":")
                                .append(50 + (i * 7919 % 1000) / 10.0).append('}');
                    }
                    body.append("]}");
                    long start = System.nanoTime();
                    int status = post(base, token, body.toString());
                    latencies.add(System.nanoTime() - start);
                    if (status == 202) {
                        samples.addAndGet(batch);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        System.out.printf("ingest batch=%d threads=%d series=%d: %d samples in %d s = %.0f samples/s, %d requests, "
                        + "%d errors, request latency %s%n", batch, threads, series, samples.get(), seconds,
                samples.get() / (double) seconds, all.size(), errors.get(), percentiles(all));
    }

    static void seed(String base, String token, int days, int stepSeconds) throws Exception {
        long end = Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli();
        long start = end - Duration.ofDays(days).toMillis();
        java.util.Random random = new java.util.Random(1);
        StringBuilder body = new StringBuilder();
        int inBatch = 0;
        long total = 0;
        long began = System.nanoTime();
        for (long ts = start; ts < end; ts += stepSeconds * 1000L) {
            body.append(inBatch == 0 ? "{\"samples\":[" : ",")
                    .append("{\"metric\":\"bench.latency\",\"labels\":{\"service\":\"bench\"},\"timestamp\":")
                    .append(ts).append(",\"value\":").append(Math.exp(4.6 + 0.4 * random.nextGaussian())).append('}');
            if (++inBatch == 10_000) {
                check(post(base, token, body.append("]}").toString()));
                total += inBatch;
                inBatch = 0;
                body.setLength(0);
            }
        }
        if (inBatch > 0) {
            check(post(base, token, body.append("]}").toString()));
            total += inBatch;
        }
        System.out.printf("seeded %d samples (%d days at %d s) in %.1f s%n", total, days, stepSeconds,
                (System.nanoTime() - began) / 1e9);
    }

    static void query(String base, String token, int days, int runs) throws Exception {
        Instant to = Instant.now();
        String url = base + "/api/v1/metrics/query?metric=bench.latency&agg=p95&step=PT" + (days * 24) + "H&from="
                + to.minus(Duration.ofDays(days)) + "&to=" + to;
        List<Long> latencies = new ArrayList<>();
        String answer = "";
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - start);
            check(response.statusCode() == 200 ? 202 : response.statusCode());
            answer = response.body();
        }
        System.out.printf("p95 over %d days, %d runs: latency %s%nlast answer: %s%n", days, runs,
                percentiles(latencies.subList(Math.min(5, runs - 1), runs)),
                answer.length() > 300 ? answer.substring(0, 300) : answer);
    }

    static int post(String base, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/metrics"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static void check(int status) {
        if (status != 202) {
            throw new IllegalStateException("HTTP " + status);
        }
    }

    static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "n/a";
        }
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}

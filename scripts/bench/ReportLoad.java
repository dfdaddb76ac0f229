import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the reports benchmark (issue #8; run with the JDK's source launcher):
 *
 *   java scripts/bench/ReportLoad.java seed   BASE_URL TOKEN FIRST_DAY DAYS SERVICES THREADS
 *   java scripts/bench/ReportLoad.java wait   BASE_URL TOKEN FIRST_DAY DAYS SERVICE
 *   java scripts/bench/ReportLoad.java report BASE_URL TOKEN PATH RUNS
 *
 * seed:   DAYS days from FIRST_DAY (UTC) at 10-second resolution of SERVICES services × 10 series each,
 *         the demo service's API metrics (response time avg/p95/p99/max, requests, requests/s, errors
 *         4xx/5xx/timeout, availability), pushed in batches of 10,000 samples from THREADS threads.
 * wait:   polls the monthly report of SERVICE until it counts every seeded request (rollups are current).
 * report: GETs PATH (e.g. /api/v1/reports/monthly?date=2026-10-01) RUNS times after one warm-up and prints
 *         each time and p50/max.
 */
public class ReportLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int STEP_SECONDS = 10;
    static final double REQUESTS_PER_STEP = 1000;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], args[2], LocalDate.parse(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "wait" -> await(args[1], args[2], LocalDate.parse(args[3]), Integer.parseInt(args[4]), args[5]);
            case "report" -> report(args[1], args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void seed(String base, String token, LocalDate first, int days, int services, int threads) throws Exception {
        long start = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        int steps = days * 86_400 / STEP_SECONDS;
        int stepsPerBatch = 10_000 / (services * 10);
        long begun = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Random random = new Random(thread);
                long samples = 0;
                for (int from = thread * stepsPerBatch; from < steps; from += threads * stepsPerBatch) {
                    StringBuilder body = new StringBuilder(1_200_000).append("{\"samples\":[");
                    boolean firstSample = true;
                    for (int svc = 0; svc < services; svc++) {
                        String service = String.format("svc-%02d", svc);
                        for (int s = from; s < Math.min(steps, from + stepsPerBatch); s++) {
                            long ts = start + s * STEP_SECONDS * 1000L;
                            double avg = 95 * (1 + 0.08 * random.nextGaussian());
                            double errors5xx = Math.round(REQUESTS_PER_STEP * 0.001 * (1 + 0.5 * random.nextGaussian()));
                            errors5xx = Math.max(0, errors5xx);
                            String[] lines = {
                                    sample("api.response_time_ms", service, "\"stat\":\"avg\"", ts, avg),
                                    sample("api.response_time_ms", service, "\"stat\":\"p95\"", ts, avg * 1.9),
                                    sample("api.response_time_ms", service, "\"stat\":\"p99\"", ts, avg * 2.6),
                                    sample("api.response_time_ms", service, "\"stat\":\"max\"", ts, avg * 5.2),
                                    sample("api.requests", service, null, ts, REQUESTS_PER_STEP),
                                    sample("api.requests_per_second", service, null, ts,
                                            REQUESTS_PER_STEP / STEP_SECONDS * (1 + 0.1 * random.nextGaussian())),
                                    sample("api.errors", service, "\"class\":\"4xx\"", ts, 4),
                                    sample("api.errors", service, "\"class\":\"5xx\"", ts, errors5xx),
                                    sample("api.errors", service, "\"class\":\"timeout\"", ts, 0),
                                    sample("api.availability_pct", service, null, ts,
                                            100 * (REQUESTS_PER_STEP - errors5xx) / REQUESTS_PER_STEP)};
                            for (String line : lines) {
                                if (!firstSample) {
                                    body.append(',');
                                }
                                body.append(line);
                                firstSample = false;
                                samples++;
                            }
                        }
                    }
                    body.append("]}");
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/metrics"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                }
                return samples;
            }));
        }
        long total = 0;
        for (Future<Long> f : results) {
            total += f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - begun) / 1e9;
        System.out.printf("seeded %,d samples (%d series × %,d steps) in %.0f s (%,.0f samples/s)%n", total,
                services * 10, steps, seconds, total / seconds);
    }

    private static String sample(String metric, String service, String labels, long ts, double value) {
        return "{\"metric\":\"" + metric + "\",\"labels\":{\"service\":\"" + service + "\""
                + (labels == null ? "" : "," + labels) + "},\"timestamp\":" + ts + ",\"value\":" + value + "}";
    }

    static void await(String base, String token, LocalDate first, int days, String service) throws Exception {
        long expected = (long) (days * 86_400L / STEP_SECONDS * REQUESTS_PER_STEP);
        Pattern requests = Pattern.compile("\"performance\":\\{.*?\"requests\":(\\d+)");
        long begun = System.nanoTime();
        while (true) {
            String body = get(base, token, "/api/v1/reports/monthly?date=" + first + "&service=" + service).body();
            Matcher m = requests.matcher(body);
            long seen = m.find() ? Long.parseLong(m.group(1)) : 0;
            if (seen == expected) {
                System.out.printf("rollups current after %.0f s (%,d requests counted)%n",
                        (System.nanoTime() - begun) / 1e9, seen);
                return;
            }
            System.out.printf("  %,d of %,d requests rolled up%n", seen, expected);
            Thread.sleep(20_000);
        }
    }

    static void report(String base, String token, String path, int runs) throws Exception {
        get(base, token, path);
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long begun = System.nanoTime();
            HttpResponse<String> response = get(base, token, path);
            millis[i] = (System.nanoTime() - begun) / 1_000_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            System.out.printf("  %s: %d ms, %,d bytes%n", path, millis[i], response.body().length());
        }
        Arrays.sort(millis);
        System.out.printf("%s: p50 %d ms, max %d ms over %d runs (after 1 warm-up)%n", path, millis[runs / 2],
                millis[runs - 1], runs);
    }

    private static HttpResponse<String> get(String base, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

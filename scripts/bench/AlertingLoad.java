import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for Vigil's alerting (run with the JDK's source launcher, no build needed):
 *
 *   java scripts/bench/AlertingLoad.java cycle   BASE_URL TOKEN RULES CYCLES
 *   java scripts/bench/AlertingLoad.java latency BASE_URL TOKEN RUNS
 *
 * cycle:   imports RULES rules (bench.cpu{instance=i} max over 1 min > 90, every 10 s), keeps RULES
 *          series fed with a sample every 10 s, and prints how long each of CYCLES evaluation cycles
 *          took, read from Vigil's own timer vigil_alerting_evaluation_duration_seconds.
 * latency: one rule (last value over 2 s > 500, every 1 s); RUNS times: push a breaching sample at a
 *          random moment, poll the rule's history every 5 ms until it shows FIRING, then push a healthy
 *          sample and wait for OK. Prints breach-to-fired latency: the client-observed time (an upper
 *          bound: it includes the poll) and the server's transition time, both against the sample's time.
 */
public class AlertingLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "cycle" -> cycle(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void cycle(String base, String token, int rules, int cycles) throws Exception {
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (int i = 0; i < rules; i++) {
            yaml.append("  - {id: bench-cpu-").append(i).append(", name: Bench CPU ").append(i)
                    .append(", query: {metric: bench.cpu, labels: {instance: i").append(i)
                    .append("}, aggregation: max, window: PT1M}, condition: {comparator: \">\", threshold: 90},")
                    .append(" evaluateEvery: PT10S}\n");
        }
        long started = System.nanoTime();
        check(send(base, token, "POST", "/api/v1/rules/import", "application/yaml", yaml.toString()), 200);
        System.out.printf("imported %d rules in %.1f s%n", rules, (System.nanoTime() - started) / 1e9);
        feed(base, token, rules); // a minute of history so every window has data
        double[] last = timer(base);
        List<Double> took = new ArrayList<>();
        long lastFeed = System.currentTimeMillis();
        while (took.size() < cycles) {
            Thread.sleep(100);
            if (System.currentTimeMillis() - lastFeed >= 10_000) {
                feed(base, token, rules);
                lastFeed = System.currentTimeMillis();
            }
            double[] now = timer(base);
            if (now[0] > last[0]) {
                double seconds = (now[1] - last[1]) / (now[0] - last[0]);
                took.add(seconds);
                System.out.printf("cycle %d: %d rules in %.0f ms%n", took.size(), rules, seconds * 1000);
                last = now;
            }
        }
        double[] sorted = took.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("RESULT cycle of %d rules over %d series: median %.0f ms, max %.0f ms (%d cycles)%n",
                rules, rules, sorted[sorted.length / 2] * 1000, sorted[sorted.length - 1] * 1000, sorted.length);
    }

    /** One sample for each series, now. */
    static void feed(String base, String token, int series) throws Exception {
        long now = System.currentTimeMillis();
        for (int from = 0; from < series; from += 10_000) {
            StringBuilder body = new StringBuilder("{\"samples\":[");
            for (int i = from; i < Math.min(series, from + 10_000); i++) {
                body.append(i > from ? "," : "").append("{\"metric\":\"bench.cpu\",\"labels\":{\"instance\":\"i")
                        .append(i).append("\"},\"timestamp\":").append(now).append(",\"value\":")
                        .append(20 + ThreadLocalRandom.current().nextInt(60)).append('}');
            }
            check(send(base, token, "POST", "/api/v1/metrics", "application/json", body.append("]}").toString()), 202);
        }
    }

    /** [count, sum in seconds] of the PT10S evaluation timer. */
    static double[] timer(String base) throws Exception {
        String text = send(base, null, "GET", "/actuator/prometheus", null, null).body();
        return new double[] {metric(text, "vigil_alerting_evaluation_duration_seconds_count"),
                metric(text, "vigil_alerting_evaluation_duration_seconds_sum")};
    }

    static double metric(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*interval=\"PT10S\"[^}]*} ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static void latency(String base, String token, int runs) throws Exception {
        String metric = "bench.breach_" + System.currentTimeMillis();
        String rule = """
                {"name": "Bench breach %s", "severity": "critical",
                 "query": {"metric": "%s", "aggregation": "last", "window": "PT2S"},
                 "condition": {"comparator": ">", "threshold": 500}, "evaluateEvery": "PT1S"}""".formatted(metric, metric);
        HttpResponse<String> created = send(base, token, "POST", "/api/v1/rules", "application/json", rule);
        check(created, 201);
        String id = field(created.body(), "id");
        List<Long> observed = new ArrayList<>();
        List<Long> server = new ArrayList<>();
        push(base, token, metric, 100);
        Thread.sleep(2_500);
        for (int run = 0; run < runs; run++) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1000)); // breach at a random point of the second
            long breachAt = push(base, token, metric, 900);
            String fired = waitFor(base, token, id, "FIRING", breachAt);
            observed.add(System.currentTimeMillis() - breachAt);
            server.add(Instant.parse(field(fired, "at")).toEpochMilli() - breachAt);
            long healthyAt = push(base, token, metric, 100);
            waitFor(base, token, id, "OK", healthyAt);
        }
        send(base, token, "DELETE", "/api/v1/rules/" + id, null, null);
        System.out.println("RESULT breach-to-FIRING, client-observed: " + percentiles(observed));
        System.out.println("RESULT breach-to-FIRING, server transition time: " + percentiles(server));
    }

    /** The newest transition, once it is to {@code state} and not older than {@code since}. */
    static String waitFor(String base, String token, String id, String state, long since) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            String body = send(base, token, "GET", "/api/v1/rules/" + id + "/history?size=1", null, null).body();
            int start = body.indexOf("\"content\":[{");
            if (start >= 0) {
                String newest = body.substring(start);
                if (newest.contains("\"to\":\"" + state + "\"") && Instant.parse(field(newest, "at")).toEpochMilli() >= since) {
                    return newest;
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no transition to " + state + " within 15 s");
    }

    static long push(String base, String token, String metric, double value) throws Exception {
        long now = System.currentTimeMillis();
        String body = "{\"samples\":[{\"metric\":\"" + metric + "\",\"timestamp\":" + now + ",\"value\":" + value + "}]}";
        check(send(base, token, "POST", "/api/v1/metrics", "application/json", body), 202);
        return now;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static HttpResponse<String> send(String base, String token, String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    static String percentiles(List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms", sorted.length, at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}

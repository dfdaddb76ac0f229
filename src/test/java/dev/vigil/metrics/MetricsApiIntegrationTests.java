package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The push and query API on the wire, and rollups kept current behind it. */
@VigilIntegrationTest
class MetricsApiIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsManagement metrics;

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void acceptedBatchIsStoredAndQueryable() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
        String body = batch("it.accepted", "svc-a", base, new double[] {100, 200, 300});

        ApiClient.Response response = api().post("/api/v1/metrics", TOKEN, "application/json", body);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(3);
        JsonNode result = api().get("/api/v1/metrics/query?metric=it.accepted&label=service:svc-a&agg=avg&step=PT1H"
                + "&from=" + base.minusSeconds(1) + "&to=" + base.plus(Duration.ofMinutes(5)), TOKEN).json();
        assertThat(result.get("resolution").asString()).isEqualTo("raw");
        assertThat(result.get("series").get(0).get("points").get(0).get(1).asDouble()).isEqualTo(200.0);
    }

    @Test
    void rejectedBatchStoresNothingAndNamesEveryBadSample() {
        Instant now = Instant.now();
        String body = """
                {"samples": [
                  {"metric": "it.rejected", "value": 1, "timestamp": "%s"},
                  {"metric": "it rejected", "value": 2},
                  {"metric": "it.rejected", "value": "three"}
                ]}""".formatted(now);

        ApiClient.Response response = api().post("/api/v1/metrics", TOKEN, "application/json", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .containsExactly("/samples/1/metric", "/samples/2/value");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM metric_series WHERE metric = 'it.rejected'").query(Long.class).single())
                .isZero();
    }

    @Test
    void malformedJsonIsRefusedWithWhereItBroke() {
        ApiClient.Response response = api().post("/api/v1/metrics", TOKEN, "application/json", "{\"samples\": [");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("reason").asString()).contains("malformed JSON at line 1");
    }

    @Test
    void wrongContentTypeIsRefused() {
        ApiClient.Response response = api().post("/api/v1/metrics", TOKEN, "text/plain", "api.rt 5");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bodyOverTheSizeLimitIsRefused() {
        byte[] huge = new byte[16 * 1024 * 1024 + 1024];
        java.util.Arrays.fill(huge, (byte) ' ');

        ApiClient.Response response = api().postBytes("/api/v1/metrics", TOKEN, "application/json", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pushWithoutATokenIsUnauthorized() {
        ApiClient.Response response = api().post("/api/v1/metrics", null, "application/json",
                batch("it.anon", "x", Instant.now(), new double[] {1}));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void rollupsAnswerLongRangesWithPercentilesCloseToTheExactOnes() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        Random random = new Random(11);
        List<Sample> samples = new ArrayList<>();
        double[] values = new double[3 * 24 * 60];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(4.6 + 0.4 * random.nextGaussian());
            samples.add(new Sample("it.rollup", java.util.Map.of("service", "svc-r"), start.plus(Duration.ofMinutes(i)),
                    values[i]));
        }
        metrics.ingest(samples);

        MetricQuery p95 = new MetricQuery("it.rollup", java.util.Map.of(), start, start.plus(Duration.ofDays(3)),
                Duration.ofDays(3), Aggregation.P95);
        await().atMost(Duration.ofSeconds(60)).until(() -> !metrics.query(p95).series().isEmpty()
                && metrics.query(p95).series().getFirst().points().stream().mapToDouble(QueryResult.Point::value)
                        .count() >= 1
                && countFromHourRollups(start) == values.length);
        QueryResult result = metrics.query(p95);

        assertThat(result.resolution()).isEqualTo(QueryResult.Resolution.ONE_HOUR);
        double estimate = result.series().getFirst().points().getFirst().value();
        assertThat(estimate).isBetween(StepAggregator.exactQuantile(values, 0.94),
                StepAggregator.exactQuantile(values, 0.96));
    }

    @Test
    void ratioOfTwoQueriesGivesTheErrorRate() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        metrics.ingest(List.of(
                new Sample("it.requests", java.util.Map.of("service", "svc-q"), base, 200),
                new Sample("it.errors", java.util.Map.of("service", "svc-q", "class", "5xx"), base, 3),
                new Sample("it.errors", java.util.Map.of("service", "svc-q", "class", "timeout"), base, 1)));

        JsonNode result = api().get("/api/v1/metrics/query?metric=it.errors&agg=sum&step=PT1M&divideBy.metric=it.requests"
                + "&from=" + base.minusSeconds(60) + "&to=" + base.plusSeconds(60), TOKEN).json();

        assertThat(result.get("series").get(0).get("points").get(0).get(1).asDouble()).isEqualTo(0.02);
    }

    @Test
    void sameSeriesAndTimeTwiceKeepsTheLaterValueWithinABatchAndAcrossBatches() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(7));
        java.util.Map<String, String> labels = java.util.Map.of("service", "svc-d");
        metrics.ingest(List.of(new Sample("it.dup", labels, at, 1), new Sample("it.dup", labels, at.plusSeconds(10), 5),
                new Sample("it.dup", labels, at, 2)));
        assertThat(storedValues("it.dup")).containsExactly(2.0, 5.0);

        metrics.ingest(List.of(new Sample("it.dup", labels, at.plusSeconds(10), 6)));
        assertThat(storedValues("it.dup")).containsExactly(2.0, 6.0);
    }

    private List<Double> storedValues(String metric) {
        return jdbc.sql("SELECT m.sample_value FROM metric_series s JOIN metric_sample m ON m.series_id = s.id "
                + "WHERE s.metric = ? ORDER BY m.ts").param(metric).query(Double.class).list();
    }

    @Test
    void badQueryParametersAreNamed() {
        ApiClient.Response response = api().get("/api/v1/metrics/query?metric=x&agg=p42&step=soon", TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .contains("/agg", "/step");
    }

    private long countFromHourRollups(Instant start) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(r.sample_count), 0) FROM metric_rollup r JOIN metric_series s ON s.id = r.series_id
                WHERE s.metric = 'it.rollup' AND r.resolution = 3600""").query(Long.class).single();
    }

    static String batch(String metric, String service, Instant start, double[] values) {
        StringJoiner samples = new StringJoiner(",", "{\"samples\":[", "]}");
        for (int i = 0; i < values.length; i++) {
            samples.add("{\"metric\":\"%s\",\"labels\":{\"service\":\"%s\"},\"timestamp\":\"%s\",\"value\":%s}"
                    .formatted(metric, service, start.plusSeconds(i * 10L), values[i]));
        }
        return samples.toString();
    }
}

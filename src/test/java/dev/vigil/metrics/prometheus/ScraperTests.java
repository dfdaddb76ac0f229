package dev.vigil.metrics.prometheus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.metrics.Sample;
import dev.vigil.metrics.SampleSink;
import dev.vigil.metrics.prometheus.ScrapeProperties.Target;

@ExtendWith(OutputCaptureExtension.class)
class ScraperTests {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    private static final String EXPOSITION = """
            # HELP http_requests_total Requests served.
            # TYPE http_requests_total counter
            http_requests_total{code="200",job="exporter-self"} 1027 1777629000000
            # TYPE queue_depth gauge
            queue_depth 7
            # TYPE idle_summary summary
            idle_summary{quantile="0.5"} NaN
            idle_summary_count 0
            """;

    private static final java.util.concurrent.CountDownLatch SLOW_TARGET_RELEASED = new java.util.concurrent.CountDownLatch(1);
    private static HttpServer exporter;
    private static String base;

    private final ApplicationContextRunner configuration = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues("vigil.scrape.targets[0].name=node",
                    "vigil.scrape.targets[0].url=http://localhost:9100/metrics");
    private final RecordingSink sink = new RecordingSink();
    private final Scraper scraper = new Scraper(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            sink, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void startExporter() throws IOException {
        exporter = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        exporter.setExecutor(Executors.newCachedThreadPool());
        exporter.createContext("/metrics", exchange -> answer(exchange, 200, EXPOSITION));
        exporter.createContext("/garbage", exchange -> answer(exchange, 200, "<html><body>Welcome!</body></html>"));
        exporter.createContext("/unavailable", exchange -> answer(exchange, 503, "busy"));
        exporter.createContext("/slow", exchange -> {
            // Holds its answer past the scrape timeout; released when the tests are done.
            try {
                SLOW_TARGET_RELEASED.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, EXPOSITION);
        });
        exporter.createContext("/one-bad-sample", exchange -> answer(exchange, 200, "fine 1\nancient 2 -1000\nalso_fine 3\n"));
        exporter.start();
        base = "http://localhost:" + exporter.getAddress().getPort();
    }

    @AfterAll
    static void stopExporter() {
        SLOW_TARGET_RELEASED.countDown();
        exporter.stop(0);
    }

    @AfterEach
    void closeScraper() {
        scraper.close();
    }

    @Test
    void storesWhatAHealthyTargetExposesWithItsJobInstanceAndExtraLabels() {
        Target target = target("demo", base + "/metrics", Map.of("env", "test"));
        String instance = "localhost:" + exporter.getAddress().getPort();

        Scraper.Outcome outcome = scraper.scrape(target);

        assertThat(outcome.up()).isTrue();
        assertThat(outcome.problem()).isNull();
        assertThat(sink.stored()).contains(
                new Sample("http_requests_total", Map.of("code", "200", "exported_job", "exporter-self", "job", "demo",
                        "instance", instance, "env", "test"), Instant.ofEpochMilli(1777629000000L), 1027),
                new Sample("queue_depth", Map.of("job", "demo", "instance", instance, "env", "test"), NOW, 7),
                new Sample("idle_summary_count", Map.of("job", "demo", "instance", instance, "env", "test"), NOW, 0));
        assertThat(sink.stored()).noneMatch(s -> s.metric().equals("idle_summary"));
        assertThat(value("up", "demo")).isEqualTo(1);
        assertThat(value("scrape_samples_scraped", "demo")).as("NaN quantile counts as exposed").isEqualTo(4);
        assertThat(value("scrape_duration_seconds", "demo")).isPositive().isLessThan(5.0);
        assertThat(sink.stored()).filteredOn(s -> s.metric().equals("up")).singleElement()
                .satisfies(up -> assertThat(up.labels()).isEqualTo(Map.of("job", "demo", "instance", instance, "env", "test")))
                .satisfies(up -> assertThat(up.timestamp()).isEqualTo(NOW));
    }

    static Stream<Arguments> failingTargets() {
        return Stream.of(
                arguments("garbage", "/garbage", "line 1: expected a metric name"),
                arguments("non-2xx answer", "/unavailable", "answered HTTP 503"),
                arguments("nothing listening", null, "cannot connect"),
                arguments("too slow", "/slow", "no complete answer within 500 ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingTargets")
    void recordsUpZeroAndNoSamplesWhenTheTargetFails(String kind, String path, String reason) throws IOException {
        String url = path != null ? base + path : "http://localhost:" + unusedPort() + "/metrics";

        Scraper.Outcome outcome = scraper.scrape(
                new Target("broken", URI.create(url), Duration.ofSeconds(15), SHORT_TIMEOUT, Map.of()));

        assertThat(outcome.up()).isFalse();
        assertThat(outcome.problem()).contains(reason);
        assertThat(sink.stored()).extracting(Sample::metric)
                .containsExactlyInAnyOrder("up", "scrape_duration_seconds", "scrape_samples_scraped");
        assertThat(value("up", "broken")).isZero();
        assertThat(value("scrape_samples_scraped", "broken")).isZero();
        assertThat(value("scrape_duration_seconds", "broken")).as("bounded by the timeout, not the slow answer")
                .isLessThan(2.0);
    }

    @Test
    void aBodyPastTheSizeLimitIsGivenUpAndCountsAsDown() {
        Scraper limited = new Scraper(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), sink,
                Clock.fixed(NOW, ZoneOffset.UTC), 200);
        try {
            Scraper.Outcome outcome = limited.scrape(target("huge", base + "/metrics", Map.of()));

            assertThat(EXPOSITION.length()).isGreaterThan(200);
            assertThat(outcome.up()).isFalse();
            assertThat(outcome.problem()).contains("body larger than 200 bytes");
            assertThat(value("up", "huge")).isZero();
        } finally {
            limited.close();
        }
    }

    @Test
    void aFailingTargetDoesNotStopTheOthers() throws IOException {
        List<Target> targets = List.of(
                target("garbage", base + "/garbage", Map.of()),
                target("gone", "http://localhost:" + unusedPort() + "/metrics", Map.of()),
                target("demo", base + "/metrics", Map.of()));

        assertThatNoException().isThrownBy(() -> targets.forEach(scraper::scrape));

        assertThat(value("up", "garbage")).isZero();
        assertThat(value("up", "gone")).isZero();
        assertThat(value("up", "demo")).isEqualTo(1);
        assertThat(sink.stored()).anyMatch(s -> s.metric().equals("queue_depth") && s.labels().get("job").equals("demo"));
    }

    @Test
    void skipsTheSamplesTheStoreRefusesAndStoresTheRest() {
        Scraper.Outcome outcome = scraper.scrape(target("picky", base + "/one-bad-sample", Map.of()));

        assertThat(outcome.up()).isTrue();
        assertThat(outcome.exposed()).isEqualTo(3);
        assertThat(outcome.stored()).isEqualTo(2);
        assertThat(outcome.problem()).contains("ancient", "timestamp");
        assertThat(sink.stored()).extracting(Sample::metric).contains("fine", "also_fine").doesNotContain("ancient");
        assertThat(value("up", "picky")).isEqualTo(1);
    }

    @Test
    void logsAFailureOnceAndTheRecoveryOnce(CapturedOutput output) {
        Target down = target("flaky", base + "/unavailable", Map.of());
        Target up = target("flaky", base + "/metrics", Map.of());

        scraper.scrape(down);
        scraper.scrape(down);
        scraper.scrape(down);
        scraper.scrape(up);
        scraper.scrape(up);

        assertThat(occurrences(output.getAll(), "Scrape of flaky (" + base + "/unavailable) failed, up = 0: answered HTTP 503"))
                .isEqualTo(1);
        assertThat(occurrences(output.getAll(), "Scrape of flaky (" + base + "/metrics) is healthy again")).isEqualTo(1);
    }

    static Stream<Arguments> labelMerges() {
        return Stream.of(
                arguments("no conflict", "a=1", "job=j,instance=h:1", "a=1,job=j,instance=h:1"),
                arguments("target label wins, scraped one exported", "job=x", "job=j", "job=j,exported_job=x"),
                arguments("exported name taken: prefixed again", "job=x,exported_job=y", "job=j",
                        "job=j,exported_job=y,exported_exported_job=x"),
                arguments("empty value means no label", "a=,b=2", "job=j", "b=2,job=j"),
                arguments("empty scraped value is not exported", "job=", "job=j", "job=j"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelMerges")
    void mergesScrapedAndTargetLabelsLikePrometheus(String rule, String scraped, String target, String expected) {
        assertThat(Scraper.withTargetLabels(labels(scraped), labels(target))).isEqualTo(labels(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "http://localhost:9100/metrics, localhost:9100",
            "http://exporter.example/metrics, exporter.example:80",
            "https://exporter.example/metrics, exporter.example:443",
            "https://user:secret@exporter.example:8443/m, exporter.example:8443",
            "http://[::1]:9100/metrics, [::1]:9100"})
    void instanceIsHostAndPortWithTheSchemesDefault(String url, String instance) {
        assertThat(target("x", url, Map.of()).instance()).isEqualTo(instance);
    }

    @Test
    void aTargetNeedsNothingButANameAndAUrl() {
        configuration.run(context -> {
            Target target = context.getBean(ScrapeProperties.class).targets().getFirst();
            assertThat(target.interval()).isEqualTo(Duration.ofSeconds(15));
            assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(target.targetLabels()).isEqualTo(Map.of("job", "node", "instance", "localhost:9100"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name                     | vigil.scrape.targets[0].name=                  | targets[0].name
            not http                    | vigil.scrape.targets[0].url=ftp://host/metrics | targets[0].urlScrapable
            relative URL                | vigil.scrape.targets[0].url=/metrics           | targets[0].urlScrapable
            timeout beyond the interval | vigil.scrape.targets[0].timeout=PT20S          | targets[0].timingSane
            interval under a second     | vigil.scrape.targets[0].interval=PT0.5S        | targets[0].timingSane
            label name Prometheus bans  | vigil.scrape.targets[0].labels.bad-name=x      | targets[0].labels
            empty label value           | vigil.scrape.targets[0].labels.env=            | targets[0].labels
            a label overriding job      | vigil.scrape.targets[0].labels.job=other       | targets[0].jobAndInstanceLeftAlone
            two targets with one name   | vigil.scrape.targets[1].name=node;vigil.scrape.targets[1].url=http://other/m | everyNameUnique
            """)
    void refusesATargetConfigurationThatCannotWork(String mistake, String properties, String field) {
        configuration.withPropertyValues(properties.split(";")).run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("on field '" + field));
    }

    private double value(String metric, String job) {
        return sink.stored().stream()
                .filter(s -> s.metric().equals(metric) && job.equals(s.labels().get("job")))
                .reduce((first, second) -> {
                    throw new AssertionError("more than one " + metric + " for " + job);
                })
                .orElseThrow(() -> new AssertionError("no " + metric + " for " + job))
                .value();
    }

    private static Target target(String name, String url, Map<String, String> labels) {
        return new Target(name, URI.create(url), Duration.ofSeconds(15), TIMEOUT, labels);
    }

    private static Map<String, String> labels(String pairs) {
        Map<String, String> labels = new HashMap<>();
        for (String pair : pairs.split(",")) {
            String[] nameValue = pair.split("=", -1);
            labels.put(nameValue[0], nameValue[1]);
        }
        return labels;
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ScrapeProperties.class)
    static class PropertiesOnly {
    }

    /**
     * Keeps what it is given, all or nothing, like the real sink; it refuses a sample before 1970 with
     * the real sink's pointer {@code /samples/<i>/timestamp} (one of the rules of SampleRules).
     */
    static final class RecordingSink implements SampleSink {

        private final List<Sample> stored = new ArrayList<>();

        @Override
        public int ingest(List<Sample> samples) {
            List<FieldViolation> violations = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                if (samples.get(i).timestamp().isBefore(Instant.EPOCH)) {
                    violations.add(new FieldViolation("/samples/" + i + "/timestamp", "must not be before 1970-01-01"));
                }
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequestException("refused", violations);
            }
            stored.addAll(samples);
            return samples.size();
        }

        List<Sample> stored() {
            return stored;
        }
    }
}

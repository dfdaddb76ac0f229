package dev.vigil.metrics.prometheus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import dev.vigil.TestAccounts;
import dev.vigil.metrics.prometheus.ScrapeProperties.Target;

/** The whole path: configuration → Quartz job → HTTP scrape → metrics tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vigil-scrape-it;DB_CLOSE_DELAY=-1",
        "vigil.data-dir=target/scrape-it-data",
        "vigil.demo.enabled=false",
        "vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN})
class ScrapeOwnContextTests {

    /** Vigil refuses a metric name with a leading colon (Prometheus allows it); that one sample is skipped. */
    private static final String EXPOSITION = """
            # TYPE demo_requests_total counter
            demo_requests_total{path="/"} 42
            :demo_recorded 1
            """;

    private static final HttpServer EXPORTER;

    static {
        try {
            EXPORTER = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EXPORTER.createContext("/metrics", exchange -> {
            byte[] body = EXPOSITION.getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        EXPORTER.start();
    }

    @DynamicPropertySource
    static void scrapeTheExporter(DynamicPropertyRegistry registry) {
        registry.add("vigil.scrape.targets[0].name", () -> "demo");
        registry.add("vigil.scrape.targets[0].url", () -> "http://localhost:" + port() + "/metrics");
        registry.add("vigil.scrape.targets[0].interval", () -> "PT1S");
        registry.add("vigil.scrape.targets[0].timeout", () -> "PT1S");
        registry.add("vigil.scrape.targets[0].labels.env", () -> "it");
    }

    @AfterAll
    static void stopExporter() {
        EXPORTER.stop(0);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    RetiredScrapeJobs retiredScrapeJobs;

    record Row(String metric, String labels, double value) {
    }

    @Test
    void scrapedSamplesAndUpReachTheMetricsTables() {
        String target = "\"env\":\"it\",\"instance\":\"localhost:" + port() + "\",\"job\":\"demo\"";

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<Row> rows = jdbc.sql("""
                            SELECT s.metric, s.labels, m.sample_value AS "value" FROM metric_series s
                            JOIN metric_sample m ON m.series_id = s.id""")
                    .query(Row.class).list();
            assertThat(rows).contains(
                    new Row("up", "{" + target + "}", 1),
                    new Row("demo_requests_total", "{" + target + ",\"path\":\"/\"}", 42));
            assertThat(rows).extracting(Row::metric)
                    .contains("scrape_duration_seconds", "scrape_samples_scraped")
                    .doesNotContain(":demo_recorded");
        });
    }

    @Test
    void schedulesOneClusterWideJobPerTargetOnItsInterval() throws SchedulerException {
        JobDetail job = scheduler.getJobDetail(JobKey.jobKey("demo", ScrapeJob.GROUP));
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("demo", ScrapeJob.GROUP));

        assertThat(job.getJobClass()).isEqualTo(ScrapeJob.class);
        assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
        assertThat(job.getJobDataMap().getString(ScrapeJob.TARGET)).isEqualTo("demo");
        assertThat(trigger).isInstanceOfSatisfying(SimpleTrigger.class, simple -> {
            assertThat(simple.getRepeatInterval()).isEqualTo(1000);
            assertThat(simple.getMisfireInstruction())
                    .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
        });
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
    }

    @Test
    void deletesTheJobsOfTargetsNoLongerConfigured() throws SchedulerException {
        JobKey retired = JobKey.jobKey("retired", ScrapeJob.GROUP);
        scheduler.addJob(ScrapeJob.detail(new Target("retired", URI.create("http://localhost:1/metrics"),
                Duration.ofSeconds(15), Duration.ofSeconds(5), Map.of())), true);
        assertThat(scheduler.checkExists(retired)).isTrue();

        retiredScrapeJobs.deleteUnconfigured();

        assertThat(scheduler.checkExists(retired)).isFalse();
        assertThat(scheduler.checkExists(JobKey.jobKey("demo", ScrapeJob.GROUP))).isTrue();
    }

    private static int port() {
        return EXPORTER.getAddress().getPort();
    }
}

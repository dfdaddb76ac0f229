package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vigil.TestAccounts;
import dev.vigil.VigilApplication;

/** Samples and rollups written before a restart are all there after it (H2 file database, as embedded). */
class MetricsRestartOwnContextTests {

    @Test
    void aRestartKeepsSamplesAndRollups() throws Exception {
        Path dataDir = Files.createTempDirectory("vigil-restart");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            samples.add(new Sample("restart.kept", Map.of("service", "r"), start.plus(Duration.ofMinutes(i)), i));
        }
        MetricQuery perHour = new MetricQuery("restart.kept", Map.of(), start, start.plus(Duration.ofDays(3)),
                Duration.ofHours(1), Aggregation.SUM);

        QueryResult before;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            MetricsManagement metrics = first.getBean(MetricsManagement.class);
            metrics.ingest(samples);
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.query(perHour).series().size() == 1
                    && metrics.query(perHour).series().getFirst().points().size() == 2);
            before = metrics.query(perHour);
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            MetricsManagement metrics = second.getBean(MetricsManagement.class);
            QueryResult after = metrics.query(perHour);
            QueryResult raw = metrics.query(new MetricQuery("restart.kept", Map.of(), start,
                    start.plus(Duration.ofHours(2)), Duration.ofHours(2), Aggregation.COUNT));

            assertThat(after).isEqualTo(before);
            assertThat(after.resolution()).isEqualTo(QueryResult.Resolution.ONE_HOUR);
            // Steps align to multiples of the step since the epoch, so the two hours may span two steps.
            assertThat(raw.series().getFirst().points().stream().mapToDouble(QueryResult.Point::value).sum())
                    .isEqualTo(120);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(VigilApplication.class).run(
                "--server.port=0",
                "--vigil.data-dir=" + dataDir,
                "--vigil.demo.enabled=false",
                "--vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }
}

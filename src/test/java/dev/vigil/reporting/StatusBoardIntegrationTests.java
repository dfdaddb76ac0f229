package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vigil.VigilIntegrationTest;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.Sample;
import dev.vigil.reporting.StatusBoard.Kpi;
import dev.vigil.reporting.StatusBoard.ServiceStatus;
import dev.vigil.reporting.StatusBoard.Tile;

/** The status board from metrics stored through the metrics API, judged against stored targets. */
@VigilIntegrationTest
class StatusBoardIntegrationTests {

    @Autowired
    MetricsManagement metrics;

    @Autowired
    StatusBoardBuilder builder;

    @Autowired
    TargetStore targets;

    @Test
    void aServiceIsJudgedOnItsLastFiveMinutesAgainstItsTargets() {
        String service = "board-" + UUID.randomUUID().toString().substring(0, 8);
        targets.save(new ServiceTargets(service, 200, 500, 99, 99.9, 1, 100.0, List.of(), Instant.EPOCH, "test"));
        // The same figures every minute for the last eight, so any five-minute window gives the same sums
        // even if the minute turns during the test.
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Sample> batch = new ArrayList<>();
        for (int m = -7; m <= 0; m++) {
            Instant at = minute.plus(Duration.ofMinutes(m)).plusSeconds(10);
            batch.add(sample(service, "api.response_time_ms", Map.of("stat", "p95"), at, 450));
            batch.add(sample(service, "api.response_time_ms", Map.of("stat", "avg"), at, 120));
            batch.add(sample(service, "api.requests", Map.of(), at, 1000));
            batch.add(sample(service, "api.errors", Map.of("class", "5xx"), at, 5));
            batch.add(sample(service, "api.errors", Map.of("class", "4xx"), at, 10));
        }
        metrics.ingest(batch);

        StatusBoard board = builder.build();

        ServiceStatus status = board.services().stream().filter(s -> s.service().equals(service)).findFirst()
                .orElseThrow();
        // 5 × 1000 requests; 25 failed with 5xx, 50 with 4xx
        assertThat(tile(status, Kpi.AVAILABILITY).value()).isCloseTo(99.5, within(1e-9));
        assertThat(tile(status, Kpi.AVAILABILITY).status()).isEqualTo(StatusLevel.DEGRADED);
        assertThat(tile(status, Kpi.AVAILABILITY).budgetUsePct()).isCloseTo(500, within(1e-6));
        assertThat(tile(status, Kpi.ERROR_RATE).value()).isCloseTo(1.5, within(1e-9));
        assertThat(tile(status, Kpi.ERROR_RATE).status()).isEqualTo(StatusLevel.CRITICAL);
        assertThat(tile(status, Kpi.RESPONSE_TIME).value()).isEqualTo(450);
        assertThat(tile(status, Kpi.RESPONSE_TIME).status()).isEqualTo(StatusLevel.DEGRADED);
        assertThat(tile(status, Kpi.RESPONSE_TIME).budgetUsePct()).isCloseTo(60, within(1e-9));
        assertThat(tile(status, Kpi.THROUGHPUT).value()).isCloseTo(5000 / 300.0, within(1e-9));
        assertThat(tile(status, Kpi.THROUGHPUT).status()).isEqualTo(StatusLevel.GOOD);
        assertThat(status.status()).isEqualTo(StatusLevel.CRITICAL);
        assertThat(board.overall()).isEqualTo(StatusLevel.CRITICAL);
        // An hour of minutes, the ones with data filled in.
        assertThat(tile(status, Kpi.RESPONSE_TIME).sparkline()).hasSize(60).contains(450.0);
        // The service in trouble comes before services that are fine.
        assertThat(board.services().indexOf(status)).isLessThanOrEqualTo((int) board.services().stream()
                .filter(s -> s.status() == StatusLevel.CRITICAL).count() - 1);
    }

    private static Tile tile(ServiceStatus status, Kpi kpi) {
        return status.tiles().stream().filter(t -> t.kpi() == kpi).findFirst().orElseThrow();
    }

    private static Sample sample(String service, String metric, Map<String, String> labels, Instant at, double value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put("service", service);
        return new Sample(metric, all, at, value);
    }
}

package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vigil.VigilIntegrationTest;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.Sample;

/**
 * A day of hand-made minute samples goes through the real metrics store and its rollups; the report's
 * figures must be the ones computed by hand (percentiles within the t-digest's error).
 */
@VigilIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFromRollupsIntegrationTests {

    static final String SERVICE = "rollup-" + UUID.randomUUID().toString().substring(0, 8);
    static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(3);

    @Autowired
    MetricsManagement metrics;

    @Autowired
    ReportBuilder builder;

    @Autowired
    TargetStore targets;

    @BeforeAll
    void ingestADay() {
        targets.save(new ServiceTargets(SERVICE, 200, 500, 99, 99.9, 1, 50.0, List.of(), Instant.EPOCH, "test"));
        Instant start = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int minute = 0; minute < 1440; minute += 240) {
            List<Sample> batch = new ArrayList<>();
            for (int m = minute; m < minute + 240; m++) {
                Instant at = start.plus(Duration.ofMinutes(m)).plusSeconds(30);
                batch.add(sample("api.response_time_ms", Map.of("stat", "avg"), at, m % 2 == 0 ? 80 : 120));
                batch.add(sample("api.response_time_ms", Map.of("stat", "p95"), at, m + 1));
                batch.add(sample("api.response_time_ms", Map.of("stat", "p99"), at, m + 1));
                batch.add(sample("api.response_time_ms", Map.of("stat", "max"), at, m + 1));
                batch.add(sample("api.requests", Map.of(), at, 600));
                batch.add(sample("api.requests_per_second", Map.of(), at, m == 700 ? 25 : 10));
                batch.add(sample("api.errors", Map.of("class", "4xx"), at, 3));
                batch.add(sample("api.errors", Map.of("class", "5xx"), at, 6));
                batch.add(sample("api.errors", Map.of("class", "timeout"), at, m < 720 ? 1 : 0));
            }
            metrics.ingest(batch);
        }
    }

    @Test
    void aDailyReportComesFromMinuteRollupsWithHandComputedFigures() {
        ReportWindow day = ReportWindow.containing(Period.DAILY, DAY, ZoneOffset.UTC);
        Report report = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> builder.build(day, SERVICE), r -> Long.valueOf(864_000L).equals(r.performance().requests())
                        && r.performance().responseTime().maxMs() != null && r.performance().responseTime().maxMs() == 1440
                        && r.charts().getFirst().points().size() == 24);

        Report.Performance p = report.performance();
        assertThat(report.resolution()).isEqualTo("1m");
        assertThat(p.responseTime().avgMs()).isCloseTo(100.0, within(1e-9));
        // type-7 percentiles of 1..1440: 1 + 0.95 × 1439 and 1 + 0.99 × 1439; t-digest within 1 %
        assertThat(p.responseTime().p95Ms()).isCloseTo(1368.05, within(14.0));
        assertThat(p.responseTime().p99Ms()).isCloseTo(1425.61, within(14.0));
        assertThat(p.throughput().avgRps()).isCloseTo(10.0, within(1e-9));
        assertThat(p.throughput().peakRps()).isEqualTo(25.0);
        assertThat(p.throughput().sustainedRps()).isCloseTo(10.0, within(1e-9));
        // 864,000 requests; 4,320 4xx, 8,640 5xx and 720 timeouts
        assertThat(p.errorRates().client4xxPct()).isCloseTo(0.5, within(1e-9));
        assertThat(p.errorRates().server5xxPct()).isCloseTo(1.0, within(1e-9));
        assertThat(p.errorRates().timeoutPct()).isCloseTo(720 * 100.0 / 864_000, within(1e-9));
        assertThat(p.errorRates().overallPct()).isCloseTo(13_680 * 100.0 / 864_000, within(1e-9));
        assertThat(p.availabilityPct()).isCloseTo(100.0 * (864_000 - 9_360) / 864_000, within(1e-9));
        assertThat(report.budgets()).filteredOn(b -> b.name().equals("Response time (avg)")).singleElement()
                .satisfies(b -> assertThat(b.utilisationPct()).isCloseTo(50.0, within(1e-9)));
        assertThat(report.budgets()).filteredOn(b -> b.name().equals("Throughput (peak)")).singleElement()
                .satisfies(b -> assertThat(b.utilisationPct()).isCloseTo(50.0, within(1e-9)));
        // bad share 1.0833 % of an allowed 0.1 %
        assertThat(report.errorBudget().burnRate()).isCloseTo(9_360 * 100.0 / 864_000 / 0.1, within(1e-6));
        assertThat(report.charts().get(1).points()).allSatisfy(point -> assertThat(point[1]).isCloseTo(10.0,
                within(1e-9)));
        assertThat(report.trend().direction()).isNull();
    }

    @Test
    void theWeekContainingTheDayIsAnsweredFromHourRollupsWithTheSameCounts() {
        ReportWindow week = ReportWindow.containing(Period.WEEKLY, DAY, ZoneOffset.UTC);
        Report report = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> builder.build(week, SERVICE), r -> Long.valueOf(864_000L).equals(r.performance().requests()));

        assertThat(report.resolution()).isEqualTo("1h");
        assertThat(report.performance().throughput().avgRps()).isCloseTo(864_000 / (7 * 86_400.0), within(1e-9));
        assertThat(report.performance().responseTime().p95Ms()).isCloseTo(1368.05, within(14.0));
        assertThat(report.performance().responseTime().maxMs()).isEqualTo(1440.0);
    }

    private static Sample sample(String metric, Map<String, String> labels, Instant at, double value) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put("service", SERVICE);
        return new Sample(metric, all, at, value);
    }
}

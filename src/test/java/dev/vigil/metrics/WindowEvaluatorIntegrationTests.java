package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vigil.VigilIntegrationTest;

/** Many window queries answered at once, as an alert evaluation cycle asks them. */
@VigilIntegrationTest
class WindowEvaluatorIntegrationTests {

    @Autowired
    MetricsManagement metrics;

    @Test
    void eachOfManySeriesGetsTheValueOfItsOwnWindowOnly() {
        String metric = "it.window." + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // more than the few-series path: read with one join on the metric
            Map<String, String> labels = Map.of("instance", "i" + i, "zone", i % 2 == 0 ? "a" : "b");
            samples.add(new Sample(metric, labels, at.minusSeconds(60), 1000)); // exactly at the window's start: out
            samples.add(new Sample(metric, labels, at.minusSeconds(59), i));
            samples.add(new Sample(metric, labels, at, 2 * i)); // exactly at the end: in
        }
        metrics.ingest(samples);
        WindowQuery one = new WindowQuery(metric, Map.of("instance", "i7"), Aggregation.MAX, Duration.ofSeconds(60));
        WindowQuery zoneA = new WindowQuery(metric, Map.of("zone", "a"), Aggregation.AVG, Duration.ofSeconds(60));
        WindowQuery shortWindow = new WindowQuery(metric, Map.of("instance", "i3"), Aggregation.COUNT, Duration.ofSeconds(30));
        WindowQuery nothing = new WindowQuery(metric, Map.of("instance", "nope"), Aggregation.MAX, Duration.ofSeconds(60));

        Map<WindowQuery, List<WindowValue>> answers = metrics.evaluateWindows(List.of(one, zoneA, shortWindow, nothing), at);

        assertThat(answers.get(one)).containsExactly(new WindowValue(Map.of("instance", "i7", "zone", "b"), 14));
        assertThat(answers.get(zoneA)).hasSize(20).allSatisfy(v -> {
            int i = Integer.parseInt(v.labels().get("instance").substring(1));
            assertThat(v.value()).isEqualTo((i + 2.0 * i) / 2);
        });
        assertThat(answers.get(shortWindow)).extracting(WindowValue::value).containsExactly(1.0);
        assertThat(answers.get(nothing)).isEmpty();
    }

    @Test
    void aSeriesWithoutSamplesInTheWindowIsReportedAsMissing() {
        String metric = "it.window.missing." + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        metrics.ingest(List.of(new Sample(metric, Map.of("service", "old"), at.minusSeconds(600), 1),
                new Sample(metric, Map.of("service", "new"), at.minusSeconds(5), 2)));

        List<WindowValue> values = metrics.evaluateWindows(
                List.of(new WindowQuery(metric, Map.of(), Aggregation.LAST, Duration.ofMinutes(1))), at).values()
                .iterator().next();

        assertThat(values).hasSize(2);
        assertThat(values).filteredOn(v -> v.labels().get("service").equals("old"))
                .singleElement().satisfies(v -> assertThat(v.hasData()).isFalse());
        assertThat(values).filteredOn(v -> v.labels().get("service").equals("new"))
                .singleElement().satisfies(v -> assertThat(v.value()).isEqualTo(2));
    }

    @Test
    void windowsLongerThanSixHoursComeFromMinuteRollups() {
        String metric = "it.window.long." + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Sample> samples = new ArrayList<>();
        for (int m = 1; m <= 12 * 60; m += 10) {
            samples.add(new Sample(metric, Map.of(), at.minus(Duration.ofMinutes(m)), m));
        }
        metrics.ingest(samples);
        WindowQuery twelveHours = new WindowQuery(metric, Map.of(), Aggregation.MAX, Duration.ofHours(12));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                metrics.evaluateWindows(List.of(twelveHours), at).get(twelveHours))
                .extracting(WindowValue::value).containsExactly(711.0));
    }
}

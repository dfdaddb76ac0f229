package dev.vigil.metrics.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.vigil.metrics.Sample;

class DemoGeneratorTests {

    private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");

    @Test
    void theSameSeedReplaysTheSameRun() {
        assertThat(run(42, 500)).isEqualTo(run(42, 500));
        assertThat(run(42, 50)).isNotEqualTo(run(43, 50));
    }

    @Test
    void aHealthyServiceShowsTheFiguresOfTheSpec() {
        DemoGenerator generator = new DemoGenerator(7, "checkout", 10, Long.MAX_VALUE);
        List<Sample> day = new ArrayList<>();
        for (int i = 0; i < 8640; i++) {
            day.addAll(generator.next(START.plusSeconds(10L * i)));
        }

        assertThat(mean(day, "api.response_time_ms", "avg")).isBetween(90.0, 100.0);
        assertThat(mean(day, "api.response_time_ms", "p95")).isBetween(170.0, 190.0);
        assertThat(mean(day, "api.response_time_ms", "p99")).isBetween(240.0, 260.0);
        assertThat(mean(day, "api.response_time_ms", "max")).isBetween(480.0, 530.0);
        assertThat(mean(day, "api.requests_per_second", null)).isBetween(95.0, 105.0);
        assertThat(mean(day, "api.availability_pct", null)).isGreaterThan(99.5);
        assertThat(day).allSatisfy(s -> assertThat(s.labels()).containsEntry("service", "checkout"));
    }

    @Test
    void degradesFirstAtTheConfiguredTimeThenNowAndThen() {
        DemoGenerator generator = new DemoGenerator(1, "checkout", 10, 18);
        Set<Degradation> seen = EnumSet.noneOf(Degradation.class);
        Degradation atFirst = null;
        for (int i = 0; i < 8640 * 2; i++) {
            generator.next(START.plus(Duration.ofSeconds(10L * i)));
            if (i == 18) {
                atFirst = generator.active();
            }
            if (generator.active() != null) {
                seen.add(generator.active());
            }
        }

        assertThat(atFirst).isNotNull();
        assertThat(seen).containsExactlyInAnyOrder(Degradation.values());
    }

    @Test
    void aLatencySpikeBreaksThe500MsTarget() {
        DemoGenerator generator = new DemoGenerator(5, "checkout", 10, 0);
        for (int i = 0; i < 8640; i++) {
            List<Sample> tick = generator.next(START.plusSeconds(10L * i));
            if (generator.active() == Degradation.LATENCY_SPIKE) {
                assertThat(value(tick, "api.response_time_ms", "p95")).isGreaterThan(500);
                return;
            }
        }
        throw new AssertionError("no latency spike in a day");
    }

    private static List<Sample> run(long seed, int ticks) {
        DemoGenerator generator = new DemoGenerator(seed, "checkout", 10, 5);
        List<Sample> all = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            all.addAll(generator.next(START.plusSeconds(10L * i)));
        }
        return all;
    }

    private static double mean(List<Sample> samples, String metric, String stat) {
        return samples.stream().filter(s -> s.metric().equals(metric) && (stat == null || stat.equals(s.labels().get("stat"))))
                .mapToDouble(Sample::value).average().orElseThrow();
    }

    private static double value(List<Sample> tick, String metric, String stat) {
        return tick.stream().filter(s -> s.metric().equals(metric) && Map.of("stat", stat).get("stat")
                .equals(s.labels().get("stat"))).findFirst().orElseThrow().value();
    }
}

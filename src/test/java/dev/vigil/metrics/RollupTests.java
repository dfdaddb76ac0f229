package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.vigil.metrics.SampleRepository.StoredSample;

/** Rollups against exact computations on the raw data they summarise. */
class RollupTests {

    /** Stated accuracy we rely on: the estimate lies between the exact quantiles 1 % of rank either side. */
    private static final double RANK_TOLERANCE = 0.01;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void countsSumsAndExtremesAreExactAndQuantilesWithinTheDigestsError(long seed) {
        List<StoredSample> raw = latencies(seed, 10_000);
        Rollup rollup = Rollup.of(1, 60, 0, raw, null);
        double[] values = raw.stream().mapToDouble(StoredSample::value).toArray();

        assertThat(rollup.count()).isEqualTo(values.length);
        assertThat(rollup.sum()).isCloseTo(Arrays.stream(values).sum(), within(1e-6));
        assertThat(rollup.min()).isEqualTo(Arrays.stream(values).min().orElseThrow());
        assertThat(rollup.max()).isEqualTo(Arrays.stream(values).max().orElseThrow());
        for (double q : new double[] {0.5, 0.9, 0.95, 0.99}) {
            assertWithinRank(values, rollup.digest().quantile(q), q);
        }
    }

    @Test
    void mergedMinuteRollupsEqualOneRollupOfAllTheirSamples() {
        List<StoredSample> raw = latencies(7, 6_000);
        List<Rollup> minutes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            minutes.add(Rollup.of(1, 60, i * 60_000L, raw.subList(i * 100, (i + 1) * 100),
                    i == 0 ? null : raw.get(i * 100 - 1)));
        }
        Rollup hour = Rollup.merge(1, 3600, 0, minutes);
        double[] values = raw.stream().mapToDouble(StoredSample::value).toArray();

        assertThat(hour.count()).isEqualTo(6_000);
        assertThat(hour.sum()).isCloseTo(Arrays.stream(values).sum(), within(1e-6));
        assertThat(hour.firstTs()).isEqualTo(raw.getFirst().timestamp());
        assertThat(hour.lastValue()).isEqualTo(raw.getLast().value());
        assertWithinRank(values, hour.digest().quantile(0.95), 0.95);
        assertWithinRank(values, hour.digest().quantile(0.99), 0.99);
    }

    @Test
    void aSketchSurvivesItsByteForm() {
        Rollup rollup = Rollup.of(1, 60, 0, latencies(3, 1_000), null);

        // The compact form stores centroids as floats: equal to about 7 significant digits.
        assertThat(Rollup.sketchFrom(rollup.sketchBytes()).quantile(0.95))
                .isCloseTo(rollup.digest().quantile(0.95), org.assertj.core.api.Assertions.withinPercentage(0.001));
    }

    @Test
    void counterIncreaseCountsAResetAsANewStart() {
        List<StoredSample> counter = List.of(new StoredSample(1, 1000, 10), new StoredSample(1, 2000, 15),
                new StoredSample(1, 3000, 3), new StoredSample(1, 4000, 8));

        Rollup rollup = Rollup.of(1, 60, 0, counter, new StoredSample(1, 0, 4));

        // 4→10 (+6), 10→15 (+5), reset to 3 (+3), 3→8 (+5)
        assertThat(rollup.increase()).isEqualTo(19);
    }

    private static void assertWithinRank(double[] values, double estimate, double q) {
        double low = StepAggregator.exactQuantile(values, Math.max(0, q - RANK_TOLERANCE));
        double high = StepAggregator.exactQuantile(values, Math.min(1, q + RANK_TOLERANCE));
        assertThat(estimate).as("p%s", q * 100).isBetween(low, high);
    }

    /** Log-normal-ish response times around 100 ms with a long tail. */
    static List<StoredSample> latencies(long seed, int n) {
        Random random = new Random(seed);
        List<StoredSample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            samples.add(new StoredSample(1, i * 10L, Math.exp(4.6 + 0.5 * random.nextGaussian())));
        }
        return samples;
    }
}

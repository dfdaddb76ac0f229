package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.metrics.SampleRepository.StoredSample;

class StepAggregatorTests {

    private static final List<StoredSample> STEP = List.of(new StoredSample(1, 0, 10), new StoredSample(1, 10_000, 20),
            new StoredSample(1, 20_000, 30), new StoredSample(1, 30_000, 40), new StoredSample(1, 40_000, 50));

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "AVG, 30", "MIN, 10", "MAX, 50", "SUM, 150", "COUNT, 5", "LAST, 50",
            // type-7 quantiles of 10..50: h = 4q
            "P50, 30", "P90, 46", "P95, 48", "P99, 49.6",
            // counter 10→50 plus the previous sample 5: +45 over a 60 s step
            "RATE, 0.75",
    })
    void aggregatesRawSamplesExactly(Aggregation aggregation, double expected) {
        double value = StepAggregator.fromRaw(aggregation, STEP, new StoredSample(1, -10_000, 5), 60_000);

        assertThat(value).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }
}

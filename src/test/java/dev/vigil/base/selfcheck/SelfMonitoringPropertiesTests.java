package dev.vigil.base.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelfMonitoringPropertiesTests {

    @ParameterizedTest(name = "rules every {0}, {1} intervals, at least {2}: late after {3}")
    @CsvSource({
            "PT1S,  3, PT30S, PT30S",
            "PT10S, 3, PT30S, PT30S",
            "PT15S, 3, PT30S, PT45S",
            "PT1M,  3, PT30S, PT3M",
            "PT1S,  2, PT2S,  PT2S",
            "PT1M,  0, PT30S, PT30S"})
    void anEvaluationIsLateAfterSeveralOfItsIntervalsButNeverSooner(Duration interval, int intervals, Duration min,
            Duration late) {
        var properties = new SelfMonitoringProperties(true, Duration.ofSeconds(5), intervals, min, Duration.ofMinutes(1),
                "vigil", null, Duration.ofMinutes(1));

        assertThat(properties.allowedLag(interval)).isEqualTo(late);
    }
}

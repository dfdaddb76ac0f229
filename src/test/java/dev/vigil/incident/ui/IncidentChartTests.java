package dev.vigil.incident.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentChartTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            > 500        | 500.0
            >= 0.5       | 0.5
            <99          | 99.0
            != -3        | -3.0
            > 1e3        | 1000.0
            > 1 %        | 1.0
            over the top | null
            ''           | null
            null         | null
            """)
    void readsTheThresholdOutOfTheCondition(String condition, Double threshold) {
        assertThat(IncidentChart.threshold(condition)).isEqualTo(threshold);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PT1H10M | PT10S
            PT2H    | PT10S
            PT3H    | PT1M
            PT20H   | PT10M
            P5D     | PT1H
            """)
    void picksAStepThatKeepsThePointsReadable(Duration range, Duration step) {
        assertThat(IncidentChart.step(range)).isEqualTo(step);
    }

    @Test
    void chartsOnlyTheLabelsTheRuleRecorded() {
        assertThat(IncidentChart.labels(Map.of("chart.metric", "m", "chart.label.stat", "p95",
                "chart.label.service", "checkout", "service", "checkout", "condition", "> 500")))
                .containsExactly(Map.entry("service", "checkout"), Map.entry("stat", "p95"));
    }
}

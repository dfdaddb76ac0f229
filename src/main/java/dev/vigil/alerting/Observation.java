package dev.vigil.alerting;

import java.util.Map;

import dev.vigil.alerting.AlertRule.Recovery;

/**
 * One thing a rule judged in one evaluation: the labels that tell its instance apart (a series' labels,
 * or an SLO's window pair), the value ({@code NaN} when data was missing) and what breaching means.
 */
record Observation(Map<String, String> labels, double value, Severity severity, Comparator comparator,
        double threshold, Recovery recovery) {

    Observation {
        labels = Map.copyOf(labels);
    }

    boolean missing() {
        return Double.isNaN(value);
    }

    Observation missingAgain() {
        return new Observation(labels, Double.NaN, severity, comparator, threshold, recovery);
    }
}

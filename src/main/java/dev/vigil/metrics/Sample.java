package dev.vigil.metrics;

import java.time.Instant;
import java.util.Map;

/** One observation: a metric name, its labels, when, and the value. */
public record Sample(String metric, Map<String, String> labels, Instant timestamp, double value) {

    public Sample {
        labels = Map.copyOf(labels);
    }
}

package dev.vigil.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Which series (metric + exact label matches), over which range, in which steps, aggregated how. */
public record MetricQuery(String metric, Map<String, String> labels, Instant from, Instant to, Duration step,
        Aggregation aggregation) {

    public MetricQuery {
        labels = Map.copyOf(labels);
    }
}

package dev.vigil.metrics;

import java.time.Duration;
import java.util.Map;

/**
 * One value per matching series over the window that ends at the evaluation time: what an alert
 * rule looks at. Labels match exactly; a series matches when it has every given label.
 */
public record WindowQuery(String metric, Map<String, String> labels, Aggregation aggregation, Duration window) {

    public WindowQuery {
        labels = Map.copyOf(labels);
    }
}

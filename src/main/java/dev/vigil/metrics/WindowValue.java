package dev.vigil.metrics;

import java.util.Map;

/**
 * The value of one series over a window; {@code NaN} when the series exists but had no sample in
 * the window (alerting's missing data).
 */
public record WindowValue(Map<String, String> labels, double value) {

    public boolean hasData() {
        return !Double.isNaN(value);
    }
}

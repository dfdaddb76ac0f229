package dev.vigil.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the samples of one step are turned into one value. */
public enum Aggregation {
    AVG, MIN, MAX, SUM, COUNT,
    /** Per-second increase of a counter (resets handled). */
    RATE,
    LAST,
    P50(0.50), P90(0.90), P95(0.95), P99(0.99);

    private final double quantile;

    Aggregation() {
        this(Double.NaN);
    }

    Aggregation(double quantile) {
        this.quantile = quantile;
    }

    public boolean isQuantile() {
        return !Double.isNaN(quantile);
    }

    public double quantile() {
        return quantile;
    }

    /** The API name: {@code avg}, {@code p95}, ... */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregation> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName().equals(name)).findFirst();
    }
}

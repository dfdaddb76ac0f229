package dev.vigil.metrics;

import java.util.Arrays;
import java.util.List;

import com.tdunning.math.stats.MergingDigest;

import dev.vigil.metrics.SampleRepository.StoredSample;

/** Aggregates one step's worth of raw samples (exactly) or rollups (quantiles within the digest's error). */
final class StepAggregator {

    private StepAggregator() {
    }

    /**
     * @param samples the step's samples, oldest first (not empty)
     * @param previous the sample just before the step, for rate; may be null
     */
    static double fromRaw(Aggregation aggregation, List<StoredSample> samples, StoredSample previous, long stepMillis) {
        return switch (aggregation) {
            case AVG -> samples.stream().mapToDouble(StoredSample::value).average().orElseThrow();
            case MIN -> samples.stream().mapToDouble(StoredSample::value).min().orElseThrow();
            case MAX -> samples.stream().mapToDouble(StoredSample::value).max().orElseThrow();
            case SUM -> samples.stream().mapToDouble(StoredSample::value).sum();
            case COUNT -> samples.size();
            case LAST -> samples.getLast().value();
            case RATE -> increase(samples, previous) / (stepMillis / 1000.0);
            case P50, P90, P95, P99 -> exactQuantile(samples.stream().mapToDouble(StoredSample::value).toArray(),
                    aggregation.quantile());
        };
    }

    static double fromRollups(Aggregation aggregation, List<Rollup> rollups, long stepMillis) {
        return switch (aggregation) {
            case AVG -> sum(rollups) / count(rollups);
            case MIN -> rollups.stream().mapToDouble(Rollup::min).min().orElseThrow();
            case MAX -> rollups.stream().mapToDouble(Rollup::max).max().orElseThrow();
            case SUM -> sum(rollups);
            case COUNT -> count(rollups);
            case LAST -> rollups.stream().max((a, b) -> Long.compare(a.lastTs(), b.lastTs())).orElseThrow().lastValue();
            case RATE -> rollups.stream().mapToDouble(Rollup::increase).sum() / (stepMillis / 1000.0);
            case P50, P90, P95, P99 -> {
                MergingDigest merged = new MergingDigest(Rollup.COMPRESSION);
                rollups.forEach(r -> merged.add(r.digest()));
                yield merged.quantile(aggregation.quantile());
            }
        };
    }

    /** Linear interpolation between the closest ranks (the common "type 7" definition). */
    static double exactQuantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double increase(List<StoredSample> samples, StoredSample previous) {
        double increase = 0;
        StoredSample before = previous;
        for (StoredSample s : samples) {
            if (before != null) {
                increase += Rollup.counterDelta(before.value(), s.value());
            }
            before = s;
        }
        return increase;
    }

    private static double sum(List<Rollup> rollups) {
        return rollups.stream().mapToDouble(Rollup::sum).sum();
    }

    private static long count(List<Rollup> rollups) {
        return rollups.stream().mapToLong(Rollup::count).sum();
    }
}

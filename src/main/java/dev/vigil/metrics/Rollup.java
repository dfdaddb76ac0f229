package dev.vigil.metrics;

import java.nio.ByteBuffer;
import java.util.List;

import com.tdunning.math.stats.MergingDigest;
import com.tdunning.math.stats.TDigest;

import dev.vigil.metrics.SampleRepository.StoredSample;

/**
 * The summary of one bucket of one series: count, sum, min, max, first and last sample, the counter
 * increase, and a t-digest of the values. Rollups of the same series merge into a wider one exactly
 * (counts, sums, extremes) or within the digest's error (quantiles).
 */
record Rollup(long seriesId, int resolution, long bucketStart, long count, double sum, double min, double max,
        long firstTs, double firstValue, long lastTs, double lastValue, double increase, TDigest digest) {

    /**
     * t-digest compression: 100 keeps a digest at a few KB with quantile rank error well under 1 % at
     * the tails (p95, p99), where alert thresholds and reports look.
     */
    static final double COMPRESSION = 100;

    /** Summarises raw samples (oldest first, not empty); {@code previous} is the sample just before, if any. */
    static Rollup of(long seriesId, int resolution, long bucketStart, List<StoredSample> samples,
            StoredSample previous) {
        MergingDigest digest = new MergingDigest(COMPRESSION);
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double increase = 0;
        StoredSample before = previous;
        for (StoredSample s : samples) {
            digest.add(s.value());
            sum += s.value();
            min = Math.min(min, s.value());
            max = Math.max(max, s.value());
            if (before != null) {
                increase += counterDelta(before.value(), s.value());
            }
            before = s;
        }
        StoredSample first = samples.getFirst();
        StoredSample last = samples.getLast();
        return new Rollup(seriesId, resolution, bucketStart, samples.size(), sum, min, max, first.timestamp(),
                first.value(), last.timestamp(), last.value(), increase, digest);
    }

    /** Merges rollups of one series (any order) into one covering them all. */
    static Rollup merge(long seriesId, int resolution, long bucketStart, List<Rollup> parts) {
        MergingDigest digest = new MergingDigest(COMPRESSION);
        long count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double increase = 0;
        Rollup first = parts.getFirst();
        Rollup last = parts.getFirst();
        for (Rollup part : parts) {
            digest.add(part.digest());
            count += part.count();
            sum += part.sum();
            min = Math.min(min, part.min());
            max = Math.max(max, part.max());
            increase += part.increase();
            first = part.firstTs() < first.firstTs() ? part : first;
            last = part.lastTs() > last.lastTs() ? part : last;
        }
        return new Rollup(seriesId, resolution, bucketStart, count, sum, min, max, first.firstTs(),
                first.firstValue(), last.lastTs(), last.lastValue(), increase, digest);
    }

    /** A counter that went down was reset: its new value is all increase since the reset (as Prometheus does). */
    static double counterDelta(double before, double after) {
        return after >= before ? after - before : after;
    }

    byte[] sketchBytes() {
        MergingDigest compact = digest instanceof MergingDigest m ? m : mergingCopy(digest);
        ByteBuffer buffer = ByteBuffer.allocate(compact.smallByteSize());
        compact.asSmallBytes(buffer);
        return buffer.array();
    }

    static TDigest sketchFrom(byte[] bytes) {
        return MergingDigest.fromBytes(ByteBuffer.wrap(bytes));
    }

    private static MergingDigest mergingCopy(TDigest other) {
        MergingDigest copy = new MergingDigest(COMPRESSION);
        copy.add(other);
        return copy;
    }
}

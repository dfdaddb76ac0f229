package dev.vigil.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.metrics.SampleRepository.Bucket;
import dev.vigil.metrics.SampleRepository.StoredSample;

/**
 * Stores a batch of valid samples in one transaction: all of them or none. Marks the rollup buckets
 * they fall into as pending; {@link RollupJob} recomputes those from the raw data, so a repeated or
 * late sample can never be counted twice.
 */
@Component
class SampleWriter {

    static final int MINUTE = 60;
    static final int HOUR = 3600;

    private final SeriesRepository series;
    private final SampleRepository samples;

    SampleWriter(SeriesRepository series, SampleRepository samples) {
        this.series = series;
        this.samples = samples;
    }

    @Transactional
    int write(List<Sample> batch) {
        // The same (series, time) twice in one batch: the later one wins, as it would across batches.
        Map<String, StoredSample> unique = new LinkedHashMap<>();
        Set<Bucket> buckets = new LinkedHashSet<>();
        for (Sample sample : batch) {
            long seriesId = series.idFor(sample.metric(), sample.labels());
            long ts = sample.timestamp().toEpochMilli();
            unique.put(seriesId + ":" + ts, new StoredSample(seriesId, ts, sample.value()));
            buckets.add(new Bucket(seriesId, MINUTE, bucketStart(ts, MINUTE)));
        }
        // In key order: neighbouring inserts land on the same index pages (and lock rows in one order).
        List<StoredSample> sorted = new ArrayList<>(unique.values());
        sorted.sort(java.util.Comparator.comparingLong(StoredSample::seriesId).thenComparingLong(StoredSample::timestamp));
        samples.insert(sorted);
        samples.markPending(buckets);
        return batch.size();
    }

    static long bucketStart(long epochMillis, int resolutionSeconds) {
        return align(epochMillis, resolutionSeconds * 1000L);
    }

    /** The start of the width-aligned bucket (since the epoch) that holds {@code epochMillis}. */
    static long align(long epochMillis, long widthMillis) {
        return Math.floorDiv(epochMillis, widthMillis) * widthMillis;
    }
}

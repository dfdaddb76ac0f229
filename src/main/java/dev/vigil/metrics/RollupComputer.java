package dev.vigil.metrics;

import static dev.vigil.metrics.SampleWriter.HOUR;
import static dev.vigil.metrics.SampleWriter.MINUTE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.metrics.RollupRepository.Pending;
import dev.vigil.metrics.SampleRepository.Bucket;
import dev.vigil.metrics.SampleRepository.StoredSample;

/**
 * Recomputes pending rollup buckets from their source: minute buckets from raw samples, hour buckets
 * from minute rollups. Recomputing (instead of adding each new sample to a stored rollup) makes it
 * idempotent: repeated, late or overwritten samples are never counted twice, and two nodes doing the
 * same bucket write the same result.
 */
@Component
class RollupComputer {

    static final int BATCH = 2000;

    private final SampleRepository samples;
    private final RollupRepository rollups;

    private final java.time.Clock clock;
    private final long settleMillis;

    RollupComputer(SampleRepository samples, RollupRepository rollups, java.time.Clock clock,
            MetricsProperties properties) {
        this.samples = samples;
        this.rollups = rollups;
        this.clock = clock;
        this.settleMillis = properties.rollupSettle().toMillis();
    }

    /** @return how many buckets were processed (0 when nothing was pending) */
    @Transactional
    int computePendingMinutes() {
        // A bucket still receiving samples waits until it settles: computed once, not after every batch.
        List<Pending> pending = rollups.pending(MINUTE, clock.millis() - settleMillis, BATCH);
        List<Rollup> computed = new ArrayList<>();
        Set<Bucket> hours = new LinkedHashSet<>();
        Map<Long, List<Pending>> bySeries = pending.stream()
                .collect(Collectors.groupingBy(Pending::seriesId, TreeMap::new, Collectors.toList()));
        bySeries.forEach((seriesId, buckets) -> {
            long from = buckets.getFirst().bucketStart();
            long to = buckets.getLast().bucketStart() + MINUTE * 1000L;
            // One range read per series; the buckets are sorted by start.
            List<StoredSample> raw = samples.range(seriesId, from, to);
            StoredSample previous = samples.lastBefore(seriesId, from).orElse(null);
            int cursor = 0;
            for (Pending bucket : buckets) {
                long end = bucket.bucketStart() + MINUTE * 1000L;
                while (cursor < raw.size() && raw.get(cursor).timestamp() < bucket.bucketStart()) {
                    previous = raw.get(cursor++);
                }
                int start = cursor;
                while (cursor < raw.size() && raw.get(cursor).timestamp() < end) {
                    cursor++;
                }
                List<StoredSample> inBucket = raw.subList(start, cursor);
                if (inBucket.isEmpty()) {
                    rollups.delete(seriesId, MINUTE, bucket.bucketStart());
                } else {
                    computed.add(Rollup.of(seriesId, MINUTE, bucket.bucketStart(), inBucket, previous));
                    previous = inBucket.getLast();
                }
                hours.add(new Bucket(seriesId, HOUR, SampleWriter.bucketStart(bucket.bucketStart(), HOUR)));
            }
        });
        rollups.save(computed);
        samples.markPending(hours);
        rollups.clear(pending);
        return pending.size();
    }

    /** @return how many hour buckets were processed */
    @Transactional
    int computePendingHours() {
        List<Pending> pending = rollups.pending(HOUR, Long.MAX_VALUE, BATCH);
        List<Rollup> computed = new ArrayList<>();
        for (Pending hour : pending) {
            List<Rollup> minutes = rollups.range(hour.seriesId(), MINUTE, hour.bucketStart(),
                    hour.bucketStart() + HOUR * 1000L);
            if (minutes.isEmpty()) {
                rollups.delete(hour.seriesId(), HOUR, hour.bucketStart());
            } else {
                computed.add(Rollup.merge(hour.seriesId(), HOUR, hour.bucketStart(), minutes));
            }
        }
        rollups.save(computed);
        rollups.clear(pending);
        return pending.size();
    }
}

package dev.vigil.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.vigil.metrics.SampleRepository.Bucket;
import dev.vigil.metrics.SampleRepository.StoredSample;

/**
 * Stores a batch of valid samples: all of them or none. Marks the rollup buckets they fall into as
 * pending in the same atomic write; {@link RollupJob} recomputes those from the raw data, so a repeated
 * or late sample can never be counted twice. New series are created before, each committed on its own:
 * a batch that then fails leaves at most an empty series, never a cached id of a rolled-back one.
 */
@Component
class SampleWriter {

    static final int MINUTE = 60;
    static final int HOUR = 3600;

    private final SeriesRepository series;
    private final SampleRepository samples;
    private final boolean postgres;

    SampleWriter(SeriesRepository series, SampleRepository samples, SqlDialect dialect) {
        this.series = series;
        this.samples = samples;
        this.postgres = dialect.isPostgres();
    }

    int write(List<Sample> batch) {
        List<StoredSample> sorted = new ArrayList<>(batch.size());
        for (Sample sample : batch) {
            sorted.add(new StoredSample(series.idFor(sample.metric(), sample.labels()), sample.timestamp().toEpochMilli(),
                    sample.value()));
        }
        // In key order: neighbouring inserts land on the same index pages (and lock rows in one order). The
        // sort is stable, so of the same (series, time) twice in one batch the later one wins, as it would
        // across batches; keeping the last of each run of equal keys is cheaper than a map keyed by both.
        sorted.sort(Comparator.comparingLong(StoredSample::seriesId).thenComparingLong(StoredSample::timestamp));
        List<StoredSample> unique = new ArrayList<>(sorted.size());
        Set<Bucket> buckets = new LinkedHashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            StoredSample sample = sorted.get(i);
            if (i + 1 < sorted.size() && sorted.get(i + 1).seriesId() == sample.seriesId()
                    && sorted.get(i + 1).timestamp() == sample.timestamp()) {
                continue;
            }
            unique.add(sample);
            buckets.add(new Bucket(sample.seriesId(), MINUTE, bucketStart(sample.timestamp(), MINUTE)));
        }
        if (postgres) {
            samples.storeInOneStatement(unique, buckets);
        } else {
            samples.storeInTransaction(unique, buckets);
        }
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

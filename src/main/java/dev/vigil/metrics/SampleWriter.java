package dev.vigil.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.vigil.metrics.SampleRepository.Bucket;
import dev.vigil.metrics.SampleRepository.StoredSample;

/**
 * Stores a batch of valid samples: all of them or none. Marks the rollup buckets they fall into as
 * pending in the same atomic write; {@link RollupJob} recomputes those from the raw data, so a repeated
 * or late sample can never be counted twice. New series are created before, each committed on its own:
 * a batch that then fails leaves at most an empty series, never a cached id of a rolled-back one.
 * <p>
 * On PostgreSQL the batches of concurrent requests are committed together ({@link GroupCommit}); a
 * caller's own transaction is joined instead, as on H2.
 */
@Component
class SampleWriter implements SmartLifecycle {

    static final int MINUTE = 60;
    static final int HOUR = 3600;
    /** Groups written at once: two, so one slow statement does not hold up all ingest of the node. */
    private static final int WRITERS = 2;
    /** A group takes further waiting batches up to about this many samples (one request may have 10,000). */
    private static final int GROUP_SAMPLES = 20_000;
    /** Stops after the web server has stopped taking requests (which stops in a later phase). */
    private static final int PHASE = Integer.MIN_VALUE + 1000;

    private final SeriesRepository series;
    private final SampleRepository samples;
    private final boolean postgres;
    private final GroupCommit groupCommit;

    SampleWriter(SeriesRepository series, SampleRepository samples, SqlDialect dialect, MeterRegistry meters) {
        this.series = series;
        this.samples = samples;
        this.postgres = dialect.isPostgres();
        DistributionSummary groups = DistributionSummary.builder("vigil.ingest.group.requests")
                .description("Ingest requests committed together by one statement (PostgreSQL group commit)")
                .register(meters);
        this.groupCommit = new GroupCommit(this::store, WRITERS, GROUP_SAMPLES, groups::record);
    }

    int write(List<Sample> batch) {
        List<StoredSample> resolved = new ArrayList<>(batch.size());
        for (Sample sample : batch) {
            resolved.add(new StoredSample(series.idFor(sample.metric(), sample.labels()),
                    sample.timestamp().toEpochMilli(), sample.value()));
        }
        if (postgres && !TransactionSynchronizationManager.isActualTransactionActive()) {
            groupCommit.write(resolved);
        } else {
            store(resolved);
        }
        return batch.size();
    }

    /** Stores samples given in arrival order, with their rollup marks: all or none. */
    private void store(List<StoredSample> samplesInArrivalOrder) {
        List<StoredSample> sorted = new ArrayList<>(samplesInArrivalOrder);
        // In key order: neighbouring inserts land on the same index pages (and lock rows in one order). The
        // sort is stable, so of the same (series, time) twice the later one wins, as it would across batches
        // (a group's batches come in arrival order); keeping the last of each run of equal keys is cheaper
        // than a map keyed by both.
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
    }

    @Override
    public void start() {
        if (postgres) {
            groupCommit.start();
        }
    }

    @Override
    public void stop() {
        groupCommit.stop();
    }

    @Override
    public boolean isRunning() {
        return groupCommit.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    static long bucketStart(long epochMillis, int resolutionSeconds) {
        return align(epochMillis, resolutionSeconds * 1000L);
    }

    /** The start of the width-aligned bucket (since the epoch) that holds {@code epochMillis}. */
    static long align(long epochMillis, long widthMillis) {
        return Math.floorDiv(epochMillis, widthMillis) * widthMillis;
    }
}

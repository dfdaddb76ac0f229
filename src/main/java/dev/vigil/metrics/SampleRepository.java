package dev.vigil.metrics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Raw samples, written in JDBC batches; a sample at an existing (series, time) replaces it. */
@Repository
class SampleRepository {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final String upsertSample;
    private final String insertSample = "INSERT INTO metric_sample (series_id, ts, sample_value) VALUES (?, ?, ?)";
    private final boolean postgres;
    private final String markPending;

    /*
     * PostgreSQL takes a whole batch as one statement over arrays: one round trip and one prepared plan
     * whatever the batch size, where a JDBC batch, even rewritten into multi-row INSERTs, sends one
     * statement per power-of-two chunk (10 samples: 8 + 2). The caller passes each key once, as ON
     * CONFLICT DO UPDATE requires.
     */
    private static final String UPSERT_SAMPLES_POSTGRES = "INSERT INTO metric_sample (series_id, ts, sample_value) "
            + "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::float8[]) "
            + "ON CONFLICT (series_id, ts) DO UPDATE SET sample_value = EXCLUDED.sample_value";
    private static final String MARK_PENDING_POSTGRES = "INSERT INTO metric_rollup_pending "
            + "(series_id, resolution, bucket_start, mark_token, marked_at) "
            + "SELECT s, r, b, t, ? FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[]) AS u (s, r, b, t) "
            + "ON CONFLICT (series_id, resolution, bucket_start) "
            + "DO UPDATE SET mark_token = EXCLUDED.mark_token, marked_at = EXCLUDED.marked_at";
    /*
     * Both of the above as one statement (a data-modifying WITH runs to completion even unread). Run in
     * autocommit it is one round trip where a transaction around the two takes three (BEGIN rides along
     * with the first, COMMIT is a round trip of its own); at 600 ingest requests/s that is most of what
     * PostgreSQL spends on them. One statement is atomic: samples and marks are stored both or neither.
     */
    private static final String STORE_POSTGRES = "WITH stored AS (" + UPSERT_SAMPLES_POSTGRES + ") "
            + MARK_PENDING_POSTGRES;

    SampleRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc, SqlDialect dialect, java.time.Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
        this.jdbc = jdbc;
        this.postgres = dialect.isPostgres();
        this.upsertSample = dialect.upsert("metric_sample", new String[] {"series_id", "ts"}, new String[] {"sample_value"});
        this.markPending = dialect.upsert("metric_rollup_pending",
                new String[] {"series_id", "resolution", "bucket_start"}, new String[] {"mark_token", "marked_at"});
    }

    /** A sample with its series resolved. */
    record StoredSample(long seriesId, long timestamp, double value) {
    }

    /** A rollup bucket that must be computed again. */
    record Bucket(long seriesId, int resolution, long start) {
    }

    /**
     * Stores the samples and marks their rollup buckets pending, both or neither, in one PostgreSQL
     * statement without a transaction of its own (it joins the caller's, if any).
     */
    void storeInOneStatement(List<StoredSample> samples, Collection<Bucket> buckets) {
        List<Bucket> marks = new ArrayList<>(buckets);
        long now = clock.millis();
        jdbcTemplate.update(STORE_POSTGRES, ps -> {
            setSampleArrays(ps, 1, samples);
            ps.setLong(4, now);
            setMarkArrays(ps, 5, marks);
        });
    }

    /** Stores the samples and marks their rollup buckets pending in one transaction (H2). */
    @Transactional
    void storeInTransaction(List<StoredSample> samples, Collection<Bucket> buckets) {
        insertOnH2(samples);
        markPending(buckets);
    }

    /**
     * Writes the samples on H2, each (series, time) once; one at an existing (series, time) replaces the
     * stored value. A plain INSERT is tried first (nearly all samples are new, and H2's MERGE searches the
     * index twice); a duplicate rolls back to a savepoint and the batch is written again as MERGE.
     */
    private void insertOnH2(List<StoredSample> samples) {
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            batch(insertSample, samples);
            transaction.releaseSavepoint(savepoint);
            return;
        } catch (DataIntegrityViolationException duplicate) {
            transaction.rollbackToSavepoint(savepoint);
        }
        batch(upsertSample, samples);
    }

    private void batch(String sql, List<StoredSample> samples) {
        jdbcTemplate.batchUpdate(sql, samples, BATCH, (ps, s) -> {
            ps.setLong(1, s.seriesId());
            ps.setLong(2, s.timestamp());
            ps.setDouble(3, s.value());
        });
    }

    /** Series, times and values as three array parameters from {@code first} on. */
    private static void setSampleArrays(PreparedStatement ps, int first, List<StoredSample> samples)
            throws SQLException {
        Long[] series = new Long[samples.size()];
        Long[] times = new Long[samples.size()];
        Double[] values = new Double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            series[i] = samples.get(i).seriesId();
            times[i] = samples.get(i).timestamp();
            values[i] = samples.get(i).value();
        }
        ps.setArray(first, ps.getConnection().createArrayOf("bigint", series));
        ps.setArray(first + 1, ps.getConnection().createArrayOf("bigint", times));
        ps.setArray(first + 2, ps.getConnection().createArrayOf("float8", values));
    }

    void markPending(Collection<Bucket> buckets) {
        long now = clock.millis();
        if (postgres) {
            markPendingAsArrays(new ArrayList<>(buckets), now);
            return;
        }
        jdbcTemplate.batchUpdate(markPending, new ArrayList<>(buckets), BATCH, (ps, b) -> {
            ps.setLong(1, b.seriesId());
            ps.setInt(2, b.resolution());
            ps.setLong(3, b.start());
            ps.setLong(4, java.util.concurrent.ThreadLocalRandom.current().nextLong());
            ps.setLong(5, now);
        });
    }

    private void markPendingAsArrays(List<Bucket> buckets, long now) {
        jdbcTemplate.update(MARK_PENDING_POSTGRES, ps -> {
            ps.setLong(1, now);
            setMarkArrays(ps, 2, buckets);
        });
    }

    /** Series, resolutions, starts and fresh tokens as four array parameters from {@code first} on. */
    private static void setMarkArrays(PreparedStatement ps, int first, List<Bucket> buckets) throws SQLException {
        Long[] series = new Long[buckets.size()];
        Integer[] resolutions = new Integer[buckets.size()];
        Long[] starts = new Long[buckets.size()];
        Long[] tokens = new Long[buckets.size()];
        for (int i = 0; i < buckets.size(); i++) {
            series[i] = buckets.get(i).seriesId();
            resolutions[i] = buckets.get(i).resolution();
            starts[i] = buckets.get(i).start();
            tokens[i] = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        }
        ps.setArray(first, ps.getConnection().createArrayOf("bigint", series));
        ps.setArray(first + 1, ps.getConnection().createArrayOf("int4", resolutions));
        ps.setArray(first + 2, ps.getConnection().createArrayOf("bigint", starts));
        ps.setArray(first + 3, ps.getConnection().createArrayOf("bigint", tokens));
    }

    /*
     * The reads below order by the whole primary key, (series_id, ts), although series_id is fixed: H2
     * only sees that the index already gives that order when ORDER BY names its columns. Ordering by ts
     * alone makes it sort the range, and for the newest sample before a time (ORDER BY ts DESC LIMIT 1)
     * read every older sample of the series, a cost that grew with the table. PostgreSQL plans both
     * spellings the same.
     */

    /** Raw samples of one series in [from, to), oldest first. */
    List<StoredSample> range(long seriesId, long from, long to) {
        return jdbc.sql("SELECT series_id, ts, sample_value FROM metric_sample WHERE series_id = ? AND ts >= ? AND ts < ? "
                        + "ORDER BY series_id, ts")
                .params(seriesId, from, to)
                .query((rs, n) -> new StoredSample(rs.getLong(1), rs.getLong(2), rs.getDouble(3)))
                .list();
    }

    /** Raw samples of one series in (after, to], oldest first: an alert rule's window. */
    List<StoredSample> rangeAfter(long seriesId, long after, long to) {
        return jdbc.sql("SELECT series_id, ts, sample_value FROM metric_sample WHERE series_id = ? AND ts > ? AND ts <= ? "
                        + "ORDER BY series_id, ts")
                .params(seriesId, after, to)
                .query((rs, n) -> new StoredSample(rs.getLong(1), rs.getLong(2), rs.getDouble(3)))
                .list();
    }

    /** The newest sample before {@code before}, for counter increases across a bucket edge. */
    java.util.Optional<StoredSample> lastBefore(long seriesId, long before) {
        return jdbc.sql("SELECT series_id, ts, sample_value FROM metric_sample WHERE series_id = ? AND ts < ? "
                        + "ORDER BY series_id DESC, ts DESC LIMIT 1")
                .params(seriesId, before)
                .query((rs, n) -> new StoredSample(rs.getLong(1), rs.getLong(2), rs.getDouble(3)))
                .optional();
    }

    /** Deletes samples before {@code cutoff}, one series at a time through the primary key. */
    int deleteOlderThan(long cutoff) {
        int deleted = 0;
        for (long seriesId : jdbc.sql("SELECT id FROM metric_series").query(Long.class).list()) {
            deleted += jdbc.sql("DELETE FROM metric_sample WHERE series_id = ? AND ts < ?").params(seriesId, cutoff)
                    .update();
        }
        return deleted;
    }
}

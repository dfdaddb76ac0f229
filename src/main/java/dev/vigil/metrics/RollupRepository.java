package dev.vigil.metrics;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rollups and the queue of pending buckets. */
@Repository
class RollupRepository {

    private static final String COLUMNS = "series_id, resolution, bucket_start, sample_count, value_sum, value_min, "
            + "value_max, first_ts, first_value, last_ts, last_value, increase, sketch";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final String upsertRollup;

    RollupRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.upsertRollup = dialect.upsert("metric_rollup", new String[] {"series_id", "resolution", "bucket_start"},
                new String[] {"sample_count", "value_sum", "value_min", "value_max", "first_ts", "first_value",
                        "last_ts", "last_value", "increase", "sketch"});
    }

    /** A pending bucket as read, with the token that proves no newer mark has replaced it. */
    record Pending(long seriesId, int resolution, long bucketStart, long token) {
    }

    /** Pending buckets of a resolution last marked at or before {@code markedBefore} (epoch millis). */
    List<Pending> pending(int resolution, long markedBefore, int limit) {
        return jdbc.sql("SELECT series_id, resolution, bucket_start, mark_token FROM metric_rollup_pending "
                        + "WHERE resolution = ? AND marked_at <= ? ORDER BY series_id, bucket_start LIMIT ?")
                .params(resolution, markedBefore, limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    void clear(List<Pending> done) {
        jdbcTemplate.batchUpdate("DELETE FROM metric_rollup_pending WHERE series_id = ? AND resolution = ? "
                + "AND bucket_start = ? AND mark_token = ?", done, 1000, (ps, p) -> {
                    ps.setLong(1, p.seriesId());
                    ps.setInt(2, p.resolution());
                    ps.setLong(3, p.bucketStart());
                    ps.setLong(4, p.token());
                });
    }

    void save(List<Rollup> rollups) {
        jdbcTemplate.batchUpdate(upsertRollup, rollups, 1000, (ps, r) -> {
            ps.setLong(1, r.seriesId());
            ps.setInt(2, r.resolution());
            ps.setLong(3, r.bucketStart());
            ps.setLong(4, r.count());
            ps.setDouble(5, r.sum());
            ps.setDouble(6, r.min());
            ps.setDouble(7, r.max());
            ps.setLong(8, r.firstTs());
            ps.setDouble(9, r.firstValue());
            ps.setLong(10, r.lastTs());
            ps.setDouble(11, r.lastValue());
            ps.setDouble(12, r.increase());
            ps.setBytes(13, r.sketchBytes());
        });
    }

    void delete(long seriesId, int resolution, long bucketStart) {
        jdbc.sql("DELETE FROM metric_rollup WHERE series_id = ? AND resolution = ? AND bucket_start = ?")
                .params(seriesId, resolution, bucketStart).update();
    }

    /**
     * Rollups of one series and resolution with bucket_start in [from, to), oldest first. Ordered by the
     * whole primary key so H2 reads it in index order instead of sorting (see SampleRepository).
     */
    List<Rollup> range(long seriesId, int resolution, long from, long to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM metric_rollup WHERE series_id = ? AND resolution = ? "
                        + "AND bucket_start >= ? AND bucket_start < ? ORDER BY series_id, resolution, bucket_start")
                .params(seriesId, resolution, from, to)
                .query((rs, n) -> new Rollup(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getLong(8), rs.getDouble(9), rs.getLong(10),
                        rs.getDouble(11), rs.getDouble(12), Rollup.sketchFrom(rs.getBytes(13))))
                .list();
    }

    int deleteOlderThan(int resolution, long cutoff) {
        return jdbc.sql("DELETE FROM metric_rollup WHERE resolution = ? AND bucket_start < ?")
                .params(resolution, cutoff).update();
    }
}

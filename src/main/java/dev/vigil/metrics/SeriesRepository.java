package dev.vigil.metrics;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Series by (metric, canonical labels); ids are cached because every sample needs one. */
@Repository
class SeriesRepository {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;
    private final Map<Key, Long> ids = new ConcurrentHashMap<>();

    /** Cache key: equal label maps are equal keys, so a known series costs one hash lookup. */
    private record Key(String metric, Map<String, String> labels) {
    }

    SeriesRepository(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** A stored series as the query side sees it. */
    record Series(long id, String metric, Map<String, String> labels) {
    }

    long idFor(String metric, Map<String, String> labels) {
        Key key = new Key(metric, labels);
        Long cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        String canonicalLabels = SeriesLabels.canonical(labels);
        long id = find(metric, canonicalLabels).orElseGet(() -> {
            // Another node or thread may create the same series at the same moment: insert-or-ignore, then read.
            jdbc.sql(dialect.isPostgres()
                            ? "INSERT INTO metric_series (metric, labels, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                            : "MERGE INTO metric_series (metric, labels, created_at) KEY (metric, labels) VALUES (?, ?, ?)")
                    .params(metric, canonicalLabels, clock.millis()).update();
            return find(metric, canonicalLabels).orElseThrow();
        });
        ids.put(key, id);
        return id;
    }

    private Optional<Long> find(String metric, String canonicalLabels) {
        return jdbc.sql("SELECT id FROM metric_series WHERE metric = ? AND labels = ?")
                .params(metric, canonicalLabels).query(Long.class).optional();
    }

    List<Series> byMetric(String metric) {
        return jdbc.sql("SELECT id, metric, labels FROM metric_series WHERE metric = ? ORDER BY labels")
                .param(metric)
                .query((rs, n) -> new Series(rs.getLong(1), rs.getString(2), SeriesLabels.parse(rs.getString(3))))
                .list();
    }

    List<Series> page(String metricPrefix, int offset, int limit) {
        return jdbc.sql("SELECT id, metric, labels FROM metric_series WHERE metric LIKE ? ORDER BY metric, labels "
                        + "LIMIT ? OFFSET ?")
                .params(escapeLike(metricPrefix) + "%", limit, offset)
                .query((rs, n) -> new Series(rs.getLong(1), rs.getString(2), SeriesLabels.parse(rs.getString(3))))
                .list();
    }

    long count(String metricPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM metric_series WHERE metric LIKE ?")
                .param(escapeLike(metricPrefix) + "%").query(Long.class).single();
    }

    List<String> metricNames() {
        return jdbc.sql("SELECT DISTINCT metric FROM metric_series ORDER BY metric").query(String.class).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

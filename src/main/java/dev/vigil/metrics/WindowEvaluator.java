package dev.vigil.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.metrics.SampleRepository.StoredSample;
import dev.vigil.metrics.SeriesRepository.Series;

/**
 * Answers many window queries at once, the way an evaluation cycle asks: the raw samples of every
 * series involved are read with one query per metric rather than one per rule, so ten thousand
 * rules cost a handful of round trips.
 * Windows longer than {@link QueryEngine#RAW_UP_TO} are answered from 1-minute rollups.
 */
@Component
class WindowEvaluator {

    private static final int FEW_SERIES = 32;

    private final SeriesRepository series;
    private final RollupRepository rollups;
    private final SampleRepository samples;
    private final JdbcClient jdbc;

    WindowEvaluator(SeriesRepository series, RollupRepository rollups, SampleRepository samples, JdbcClient jdbc) {
        this.series = series;
        this.samples = samples;
        this.rollups = rollups;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Map<WindowQuery, List<WindowValue>> evaluate(Collection<WindowQuery> queries, Instant at) {
        long to = at.toEpochMilli();
        Map<String, SeriesIndex> seriesByMetric = new HashMap<>();
        Map<WindowQuery, List<Series>> matches = new LinkedHashMap<>();
        Map<String, Map<Long, Long>> rawFrom = new HashMap<>();
        for (WindowQuery query : queries) {
            List<Series> matching = seriesByMetric
                    .computeIfAbsent(query.metric(), m -> new SeriesIndex(series.byMetric(m)))
                    .matching(query.labels());
            matches.put(query, matching);
            if (query.window().compareTo(QueryEngine.RAW_UP_TO) <= 0) {
                long from = to - query.window().toMillis();
                Map<Long, Long> fromBySeries = rawFrom.computeIfAbsent(query.metric(), m -> new HashMap<>());
                matching.forEach(s -> fromBySeries.merge(s.id(), from, Math::min));
            }
        }
        Map<Long, List<StoredSample>> raw = rawSamples(rawFrom, to);
        Map<WindowQuery, List<WindowValue>> answers = new LinkedHashMap<>();
        matches.forEach((query, matching) -> {
            List<WindowValue> values = new ArrayList<>(matching.size());
            for (Series s : matching) {
                double value = query.window().compareTo(QueryEngine.RAW_UP_TO) <= 0
                        ? fromRaw(query, raw.getOrDefault(s.id(), List.of()), to)
                        : fromRollups(query, s.id(), to);
                values.add(new WindowValue(s.labels(), value));
            }
            answers.put(query, values);
        });
        return answers;
    }

    /**
     * A metric's series indexed by each label pair, so ten thousand rules that each pick one series of
     * ten thousand cost a lookup each rather than a scan each.
     */
    private static final class SeriesIndex {

        private final List<Series> all;
        private final Map<Map.Entry<String, String>, List<Series>> byLabel = new HashMap<>();

        SeriesIndex(List<Series> all) {
            this.all = all;
            for (Series s : all) {
                s.labels().entrySet().forEach(e -> byLabel.computeIfAbsent(Map.entry(e.getKey(), e.getValue()),
                        k -> new ArrayList<>()).add(s));
            }
        }

        List<Series> matching(Map<String, String> labels) {
            List<Series> candidates = all;
            for (Map.Entry<String, String> e : labels.entrySet()) {
                List<Series> withLabel = byLabel.getOrDefault(Map.entry(e.getKey(), e.getValue()), List.of());
                if (withLabel.size() < candidates.size()) {
                    candidates = withLabel;
                }
            }
            return candidates.stream()
                    .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                    .toList();
        }
    }

    private static double fromRaw(WindowQuery query, List<StoredSample> samples, long to) {
        long from = to - query.window().toMillis();
        int start = firstAfter(samples, from);
        if (start >= samples.size()) {
            return Double.NaN;
        }
        return StepAggregator.fromRaw(query.aggregation(), samples.subList(start, samples.size()), null,
                query.window().toMillis());
    }

    /** Index of the first sample with a timestamp after {@code from} (samples are sorted by time). */
    private static int firstAfter(List<StoredSample> samples, long from) {
        int lo = 0;
        int hi = samples.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (samples.get(mid).timestamp() <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private double fromRollups(WindowQuery query, long seriesId, long to) {
        long from = to - query.window().toMillis();
        List<Rollup> minutes = rollups.range(seriesId, SampleWriter.MINUTE,
                SampleWriter.bucketStart(from, SampleWriter.MINUTE), to);
        return minutes.isEmpty() ? Double.NaN
                : StepAggregator.fromRollups(query.aggregation(), minutes, query.window().toMillis());
    }

    /**
     * Samples in (from, to] per series, oldest first. A metric with many series involved is read with
     * one join on the metric name (an index range per series inside the database: milliseconds for ten
     * thousand series, where an {@code IN} list of the same ids takes seconds on H2); a few series are
     * read one by one.
     */
    private Map<Long, List<StoredSample>> rawSamples(Map<String, Map<Long, Long>> fromByMetric, long to) {
        Map<Long, List<StoredSample>> samples = new HashMap<>();
        fromByMetric.forEach((metric, fromBySeries) -> {
            if (fromBySeries.size() <= FEW_SERIES) {
                fromBySeries.forEach((id, from) -> samples.put(id, this.samples.rangeAfter(id, from, to)));
                return;
            }
            long from = Collections.min(fromBySeries.values());
            jdbc.sql("SELECT s.series_id, s.ts, s.sample_value FROM metric_series m "
                            + "JOIN metric_sample s ON s.series_id = m.id "
                            + "WHERE m.metric = ? AND s.ts > ? AND s.ts <= ? ORDER BY s.series_id, s.ts")
                    .params(metric, from, to)
                    .query(rs -> {
                        long id = rs.getLong(1);
                        Long seriesFrom = fromBySeries.get(id);
                        long ts = rs.getLong(2);
                        if (seriesFrom != null && ts > seriesFrom) {
                            samples.computeIfAbsent(id, k -> new ArrayList<>()).add(new StoredSample(id, ts, rs.getDouble(3)));
                        }
                    });
        });
        return samples;
    }
}

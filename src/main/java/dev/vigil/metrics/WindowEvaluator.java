package dev.vigil.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.metrics.SampleRepository.StoredSample;
import dev.vigil.metrics.SeriesRepository.Series;

/**
 * Answers many window queries at once, the way an evaluation cycle asks: the raw samples of every
 * series involved are read with a few {@code IN} queries (one per chunk of series and window
 * length) rather than one query per rule, so ten thousand rules cost a handful of round trips.
 * Windows longer than {@link QueryEngine#RAW_UP_TO} are answered from 1-minute rollups.
 */
@Component
class WindowEvaluator {

    private static final int CHUNK = 500;

    private final SeriesRepository series;
    private final RollupRepository rollups;
    private final JdbcClient jdbc;

    WindowEvaluator(SeriesRepository series, RollupRepository rollups, JdbcClient jdbc) {
        this.series = series;
        this.rollups = rollups;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Map<WindowQuery, List<WindowValue>> evaluate(Collection<WindowQuery> queries, Instant at) {
        long to = at.toEpochMilli();
        Map<String, List<Series>> seriesByMetric = new HashMap<>();
        Map<WindowQuery, List<Series>> matches = new LinkedHashMap<>();
        Map<Long, Long> rawFromBySeries = new HashMap<>();
        for (WindowQuery query : queries) {
            List<Series> matching = seriesByMetric.computeIfAbsent(query.metric(), series::byMetric).stream()
                    .filter(s -> s.labels().entrySet().containsAll(query.labels().entrySet()))
                    .toList();
            matches.put(query, matching);
            if (query.window().compareTo(QueryEngine.RAW_UP_TO) <= 0) {
                long from = to - query.window().toMillis();
                matching.forEach(s -> rawFromBySeries.merge(s.id(), from, Math::min));
            }
        }
        Map<Long, List<StoredSample>> raw = rawSamples(rawFromBySeries, to);
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

    /** Samples in (from, to] per series, oldest first; series that share a window start share queries. */
    private Map<Long, List<StoredSample>> rawSamples(Map<Long, Long> fromBySeries, long to) {
        Map<Long, List<Long>> seriesByFrom = new TreeMap<>();
        fromBySeries.forEach((id, from) -> seriesByFrom.computeIfAbsent(from, f -> new ArrayList<>()).add(id));
        Map<Long, List<StoredSample>> samples = new HashMap<>();
        seriesByFrom.forEach((from, ids) -> {
            Collections.sort(ids);
            for (int i = 0; i < ids.size(); i += CHUNK) {
                List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
                String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
                List<Object> params = new ArrayList<>(chunk);
                params.add(from);
                params.add(to);
                jdbc.sql("SELECT series_id, ts, sample_value FROM metric_sample WHERE series_id IN (" + in
                                + ") AND ts > ? AND ts <= ? ORDER BY series_id, ts")
                        .params(params)
                        .query(rs -> {
                            long id = rs.getLong(1);
                            samples.computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(new StoredSample(id, rs.getLong(2), rs.getDouble(3)));
                        });
            }
        });
        return samples;
    }
}

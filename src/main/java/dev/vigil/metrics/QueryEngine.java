package dev.vigil.metrics;

import static dev.vigil.metrics.SampleWriter.HOUR;
import static dev.vigil.metrics.SampleWriter.MINUTE;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.metrics.QueryResult.Point;
import dev.vigil.metrics.QueryResult.Resolution;
import dev.vigil.metrics.QueryResult.SeriesPoints;
import dev.vigil.metrics.SampleRepository.StoredSample;
import dev.vigil.metrics.SeriesRepository.Series;

/**
 * Answers queries from raw samples for short ranges and from rollups for long ones. Steps are aligned
 * to multiples of the step since the epoch, so rollup buckets nest exactly inside steps.
 */
@Component
class QueryEngine {

    /** Long raw ranges are slow and pointless to draw; rollups answer them. */
    static final Duration RAW_UP_TO = Duration.ofHours(6);
    static final Duration MINUTES_UP_TO = Duration.ofDays(2);
    static final int MAX_POINTS = 11_000;

    private final SeriesRepository series;
    private final SampleRepository samples;
    private final RollupRepository rollups;
    private final MetricsProperties properties;
    private final Clock clock;

    QueryEngine(SeriesRepository series, SampleRepository samples, RollupRepository rollups,
            MetricsProperties properties, Clock clock) {
        this.series = series;
        this.samples = samples;
        this.rollups = rollups;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    QueryResult run(MetricQuery query) {
        validate(query);
        Resolution resolution = resolutionFor(query);
        List<SeriesPoints> result = new ArrayList<>();
        for (Series s : matching(query)) {
            List<Point> points = resolution == Resolution.RAW ? fromRaw(s.id(), query) : fromRollups(s.id(), query,
                    resolution == Resolution.ONE_HOUR ? HOUR : MINUTE);
            if (!points.isEmpty()) {
                result.add(new SeriesPoints(s.metric(), s.labels(), points));
            }
        }
        return new QueryResult(resolution, result);
    }

    Resolution resolutionFor(MetricQuery query) {
        long step = query.step().toMillis();
        Duration range = Duration.between(query.from(), query.to());
        boolean rawExpired = query.from().isBefore(clock.instant().minus(properties.retention().raw()));
        if (step % (HOUR * 1000L) == 0 && range.compareTo(MINUTES_UP_TO) > 0) {
            return Resolution.ONE_HOUR;
        }
        if (step % (MINUTE * 1000L) == 0 && (range.compareTo(RAW_UP_TO) > 0 || rawExpired)) {
            return Resolution.ONE_MINUTE;
        }
        return Resolution.RAW;
    }

    private List<Series> matching(MetricQuery query) {
        return series.byMetric(query.metric()).stream()
                .filter(s -> s.labels().entrySet().containsAll(query.labels().entrySet()))
                .toList();
    }

    private List<Point> fromRaw(long seriesId, MetricQuery query) {
        long step = query.step().toMillis();
        List<StoredSample> raw = samples.range(seriesId, query.from().toEpochMilli(), query.to().toEpochMilli());
        StoredSample previous = query.aggregation() == Aggregation.RATE
                ? samples.lastBefore(seriesId, query.from().toEpochMilli()).orElse(null) : null;
        List<Point> points = new ArrayList<>();
        int start = 0;
        while (start < raw.size()) {
            long bucket = SampleWriter.align(raw.get(start).timestamp(), step);
            int end = start;
            while (end < raw.size() && raw.get(end).timestamp() < bucket + step) {
                end++;
            }
            points.add(new Point(bucket, StepAggregator.fromRaw(query.aggregation(), raw.subList(start, end),
                    previous, step)));
            previous = raw.get(end - 1);
            start = end;
        }
        return points;
    }

    private List<Point> fromRollups(long seriesId, MetricQuery query, int resolution) {
        long step = query.step().toMillis();
        long from = SampleWriter.bucketStart(query.from().toEpochMilli(), resolution);
        Map<Long, List<Rollup>> bySteps = new TreeMap<>();
        for (Rollup r : rollups.range(seriesId, resolution, from, query.to().toEpochMilli())) {
            bySteps.computeIfAbsent(SampleWriter.align(r.bucketStart(), step), k -> new ArrayList<>()).add(r);
        }
        List<Point> points = new ArrayList<>(bySteps.size());
        bySteps.forEach((bucket, parts) ->
                points.add(new Point(bucket, StepAggregator.fromRollups(query.aggregation(), parts, step))));
        return points;
    }

    private static void validate(MetricQuery query) {
        List<FieldViolation> violations = new ArrayList<>();
        if (query.metric() == null || query.metric().isBlank()) {
            violations.add(new FieldViolation("/metric", "is required"));
        }
        if (!query.from().isBefore(query.to())) {
            violations.add(new FieldViolation("/from", "must be before 'to'"));
        }
        if (query.step().isNegative() || query.step().isZero() || query.step().toMillis() < 1000) {
            violations.add(new FieldViolation("/step", "must be at least 1 second"));
        } else if (query.from().isBefore(query.to())
                && Duration.between(query.from(), query.to()).toMillis() / query.step().toMillis() > MAX_POINTS) {
            violations.add(new FieldViolation("/step", "gives more than " + MAX_POINTS + " points; use a larger step"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The query is invalid", violations);
        }
    }
}

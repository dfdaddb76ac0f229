package dev.vigil.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;

/**
 * The metrics module's door: store samples (every source comes through here) and query them
 * (alerting and reporting call this). Ingest is trusted in-process; HTTP callers are checked by
 * the controller's scope.
 */
@Service
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsManagement implements SampleSink {

    private final SampleWriter writer;
    private final QueryEngine queries;
    private final SeriesRepository series;
    private final SampleRules rules;
    private final WindowEvaluator windows;
    private final Clock clock;

    MetricsManagement(SampleWriter writer, QueryEngine queries, SeriesRepository series, MetricsProperties properties,
            Clock clock, WindowEvaluator windows) {
        this.windows = windows;
        this.writer = writer;
        this.queries = queries;
        this.series = series;
        this.rules = new SampleRules(properties.maxLabels(), properties.maxFutureSkew());
        this.clock = clock;
    }

    /**
     * Stores the samples, all or none. Every invalid sample is reported in the exception with a
     * pointer {@code /samples/i/...}.
     *
     * @return how many samples were stored
     */
    @Override
    public int ingest(List<Sample> samples) {
        Instant now = clock.instant();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            violations.addAll(rules.check("/samples/" + i, samples.get(i), now));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.size() + " invalid sample field(s); nothing was stored",
                    violations);
        }
        return samples.isEmpty() ? 0 : writer.write(samples);
    }

    /** Aggregated points per matching series, from raw data or rollups depending on the range. */
    public QueryResult query(MetricQuery query) {
        return queries.run(query);
    }

    /**
     * The ratio of two queries per step, each summed over its matching series (error rate = 5xx ÷
     * requests). Steps where the denominator is zero or missing have no point.
     */
    public QueryResult ratio(MetricQuery numerator, MetricQuery denominator) {
        QueryResult top = queries.run(numerator);
        QueryResult bottom = queries.run(denominator);
        java.util.Map<Long, Double> over = sumPerStep(bottom);
        List<QueryResult.Point> points = sumPerStep(top).entrySet().stream()
                .filter(e -> over.getOrDefault(e.getKey(), 0.0) != 0.0)
                .map(e -> new QueryResult.Point(e.getKey(), e.getValue() / over.get(e.getKey())))
                .toList();
        List<QueryResult.SeriesPoints> series = points.isEmpty() ? List.of()
                : List.of(new QueryResult.SeriesPoints(numerator.metric() + " / " + denominator.metric(),
                        java.util.Map.of(), points));
        return new QueryResult(top.resolution(), series);
    }

    /**
     * One value per matching series for each window ending at {@code at}, all answered together (an
     * alert evaluation cycle asks thousands at once). Series without samples in the window get NaN.
     */
    public Map<WindowQuery, List<WindowValue>> evaluateWindows(Collection<WindowQuery> queries, Instant at) {
        return windows.evaluate(queries, at);
    }

    /** Every metric name that has at least one series. */
    public List<String> metricNames() {
        return series.metricNames();
    }

    /** A page of series whose metric name starts with {@code prefix}, sorted by metric and labels. */
    public List<SeriesInfo> seriesPage(String prefix, int offset, int limit) {
        return series.page(prefix, offset, limit).stream()
                .map(s -> new SeriesInfo(s.metric(), s.labels())).toList();
    }

    public long seriesCount(String prefix) {
        return series.count(prefix);
    }

    /** A stored series: metric name and labels. */
    public record SeriesInfo(String metric, java.util.Map<String, String> labels) {
    }

    private static java.util.Map<Long, Double> sumPerStep(QueryResult result) {
        java.util.Map<Long, Double> sums = new java.util.TreeMap<>();
        result.series().forEach(s -> s.points().forEach(p -> sums.merge(p.timestamp(), p.value(), Double::sum)));
        return sums;
    }
}

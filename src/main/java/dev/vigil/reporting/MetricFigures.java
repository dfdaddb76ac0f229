package dev.vigil.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.vigil.metrics.Aggregation;
import dev.vigil.metrics.MetricQuery;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.QueryResult;
import dev.vigil.reporting.Report.Ci;
import dev.vigil.reporting.Report.Performance;
import dev.vigil.reporting.Report.ResponseTime;

/**
 * A service's figures from the metrics query API, which answers periods longer than two days from
 * 1-hour rollups and shorter ones from 1-minute rollups: never a scan of raw samples. The metric names
 * are the demo service's (and the default rules'): {@code api.response_time_ms} with
 * {@code stat=avg|p95|p99|max}, {@code api.requests}, {@code api.requests_per_second}, {@code api.errors}
 * with {@code class=4xx|5xx|timeout}, {@code api.availability_pct} and {@code ci.*}.
 */
@Component
class MetricFigures {

    static final String RESPONSE_TIME = "api.response_time_ms";
    static final String REQUESTS = "api.requests";
    static final String REQUESTS_PER_SECOND = "api.requests_per_second";
    static final String ERRORS = "api.errors";
    static final String AVAILABILITY = "api.availability_pct";
    static final Duration HOUR = Duration.ofHours(1);

    private final MetricsManagement metrics;

    MetricFigures(MetricsManagement metrics) {
        this.metrics = metrics;
    }

    Measured measure(String service, ReportWindow window) {
        Instant from = window.from();
        Instant to = window.to();
        Map<String, String> labels = Map.of("service", service);
        Double avg = ReportFigures.mean(whole(RESPONSE_TIME, with(labels, "stat", "avg"), Aggregation.AVG, from, to));
        Double p95 = ReportFigures.max(whole(RESPONSE_TIME, with(labels, "stat", "p95"), Aggregation.P95, from, to));
        Double p99 = ReportFigures.max(whole(RESPONSE_TIME, with(labels, "stat", "p99"), Aggregation.P99, from, to));
        Double max = ReportFigures.max(whole(RESPONSE_TIME, with(labels, "stat", "max"), Aggregation.MAX, from, to));
        Double peak = ReportFigures.sum(whole(REQUESTS_PER_SECOND, labels, Aggregation.MAX, from, to));

        QueryResult requestResult = hourly(REQUESTS, labels, Aggregation.SUM, from, to);
        SortedMap<Long, Double> requests = ReportFigures.sumPerStep(requestResult.series());
        Map<String, SortedMap<Long, Double>> errorsByClass = new HashMap<>();
        for (QueryResult.SeriesPoints s : hourly(ERRORS, labels, Aggregation.SUM, from, to).series()) {
            SortedMap<Long, Double> perHour = errorsByClass.computeIfAbsent(s.labels().getOrDefault("class", "other"),
                    k -> new TreeMap<>());
            s.points().forEach(p -> perHour.merge(p.timestamp(), p.value(), Double::sum));
        }
        SortedMap<Long, Double> errors = ReportFigures.combine(errorsByClass.values(), Double::sum);
        SortedMap<Long, Double> bad = ReportFigures.combine(List.of(
                errorsByClass.getOrDefault("5xx", new TreeMap<>()),
                errorsByClass.getOrDefault("timeout", new TreeMap<>())), Double::sum);
        Map<String, Double> errorTotals = new HashMap<>();
        errorsByClass.forEach((k, v) -> errorTotals.put(k, ReportFigures.total(v)));
        SortedMap<Long, Double> p95PerHour = ReportFigures.combine(
                hourly(RESPONSE_TIME, with(labels, "stat", "p95"), Aggregation.P95, from, to).series().stream()
                        .map(ReportFigures::perStep).toList(), Math::max);

        Double availabilityFallback = requests.isEmpty()
                ? ReportFigures.mean(whole(AVAILABILITY, labels, Aggregation.AVG, from, to)) : null;
        Performance performance = ReportFigures.performance(errorTotals, new ResponseTime(avg, p95, p99, max), peak,
                requests, Duration.between(from, to), availabilityFallback);
        return new Measured(performance, ci(labels, from, to), requestResult.resolution().apiName(), errorTotals,
                requests, errors, bad, p95PerHour);
    }

    private Ci ci(Map<String, String> labels, Instant from, Instant to) {
        Double runs = ReportFigures.sum(whole("ci.build_time_s", labels, Aggregation.COUNT, from, to));
        if (runs == null) {
            return null;
        }
        return new Ci(ReportFigures.mean(whole("ci.build_time_s", labels, Aggregation.AVG, from, to)),
                ReportFigures.mean(whole("ci.test_time_s", labels, Aggregation.AVG, from, to)),
                ReportFigures.mean(whole("ci.deploy_time_s", labels, Aggregation.AVG, from, to)),
                ReportFigures.mean(whole("ci.success_rate_pct", labels, Aggregation.AVG, from, to)),
                Math.round(runs));
    }

    /**
     * One value over the whole period per matching series, combined across series. Query steps are
     * aligned to multiples of the step since the epoch, so a step longer than the time since the epoch
     * puts the whole period into one step: the engine merges that period's rollups (sums and counts
     * exactly, percentiles by merging their t-digests) and answers one point.
     */
    private List<Double> whole(String metric, Map<String, String> labels, Aggregation aggregation, Instant from,
            Instant to) {
        Duration beyondEpoch = Duration.ofHours(to.getEpochSecond() / 3600 + 1);
        QueryResult result = metrics.query(new MetricQuery(metric, labels, from, to, beyondEpoch, aggregation));
        return result.series().stream()
                .flatMap(s -> s.points().stream())
                .map(QueryResult.Point::value)
                .filter(v -> !v.isNaN())
                .toList();
    }

    private QueryResult hourly(String metric, Map<String, String> labels, Aggregation aggregation, Instant from,
            Instant to) {
        return metrics.query(new MetricQuery(metric, labels, from, to, HOUR, aggregation));
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(key, value);
        return all;
    }
}

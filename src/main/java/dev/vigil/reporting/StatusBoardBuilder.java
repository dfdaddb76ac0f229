package dev.vigil.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

import org.springframework.stereotype.Component;

import dev.vigil.metrics.Aggregation;
import dev.vigil.metrics.MetricQuery;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.QueryResult;
import dev.vigil.reporting.StatusBoard.ServiceStatus;
import dev.vigil.reporting.StatusBoard.Tile;
import dev.vigil.reporting.StatusRules.Current;
import dev.vigil.reporting.StatusRules.Sparklines;

/**
 * Computes the status board. Five queries answer every service at once (one per metric, all series of
 * it, per minute over the last hour), so the cost grows with the number of series, not with a query per
 * service. "Now" is the last five complete minutes: the running minute is still filling up and would make
 * throughput look low.
 */
@Component
class StatusBoardBuilder {

    static final Duration HISTORY = Duration.ofHours(1);
    static final int CURRENT_MINUTES = 5;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MetricsManagement metrics;
    private final ReportBuilder reports;
    private final TargetStore targets;
    private final Clock clock;

    StatusBoardBuilder(MetricsManagement metrics, ReportBuilder reports, TargetStore targets, Clock clock) {
        this.metrics = metrics;
        this.reports = reports;
        this.targets = targets;
        this.clock = clock;
    }

    StatusBoard build() {
        Instant now = clock.instant();
        Instant to = now.truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(HISTORY);
        Map<String, SortedMap<Long, Double>> p95 = perService(MetricFigures.RESPONSE_TIME, Map.of("stat", "p95"),
                Aggregation.P95, from, to, Math::max);
        Map<String, SortedMap<Long, Double>> avg = perService(MetricFigures.RESPONSE_TIME, Map.of("stat", "avg"),
                Aggregation.AVG, from, to, Math::max);
        Map<String, SortedMap<Long, Double>> requests = perService(MetricFigures.REQUESTS, Map.of(), Aggregation.SUM,
                from, to, Double::sum);
        Map<String, SortedMap<Long, Double>> availability = perService(MetricFigures.AVAILABILITY, Map.of(),
                Aggregation.AVG, from, to, Math::min);
        Map<String, Map<String, SortedMap<Long, Double>>> errors = errorsPerServiceAndClass(from, to);

        List<ServiceStatus> services = new ArrayList<>();
        StatusLevel overall = StatusLevel.UNKNOWN;
        long currentFrom = to.minus(MINUTE.multipliedBy(CURRENT_MINUTES)).toEpochMilli();
        for (String service : reports.services()) {
            ServiceFigures f = new ServiceFigures(p95.getOrDefault(service, new TreeMap<>()),
                    avg.getOrDefault(service, new TreeMap<>()), requests.getOrDefault(service, new TreeMap<>()),
                    availability.getOrDefault(service, new TreeMap<>()), errors.getOrDefault(service, Map.of()));
            ServiceTargets t = targets.find(service).orElse(null);
            List<Tile> tiles = StatusRules.tiles(f.current(currentFrom), t, f.sparklines(from, to));
            StatusLevel level = StatusRules.worst(tiles);
            overall = overall.worse(level);
            services.add(new ServiceStatus(service, level, t != null, tiles));
        }
        // Worst first: the service in trouble is the one people came to see.
        services.sort((a, b) -> b.status().compareTo(a.status()) != 0 ? b.status().compareTo(a.status())
                : a.service().compareTo(b.service()));
        return new StatusBoard(now, overall, services);
    }

    private Map<String, SortedMap<Long, Double>> perService(String metric, Map<String, String> labels,
            Aggregation aggregation, Instant from, Instant to, BinaryOperator<Double> combine) {
        Map<String, SortedMap<Long, Double>> byService = new HashMap<>();
        for (QueryResult.SeriesPoints s : query(metric, labels, aggregation, from, to)) {
            String service = s.labels().get("service");
            if (service == null) {
                continue;
            }
            SortedMap<Long, Double> perMinute = byService.computeIfAbsent(service, k -> new TreeMap<>());
            s.points().stream().filter(p -> !Double.isNaN(p.value()))
                    .forEach(p -> perMinute.merge(p.timestamp(), p.value(), combine));
        }
        return byService;
    }

    private Map<String, Map<String, SortedMap<Long, Double>>> errorsPerServiceAndClass(Instant from, Instant to) {
        Map<String, Map<String, SortedMap<Long, Double>>> byService = new HashMap<>();
        for (QueryResult.SeriesPoints s : query(MetricFigures.ERRORS, Map.of(), Aggregation.SUM, from, to)) {
            String service = s.labels().get("service");
            if (service == null) {
                continue;
            }
            SortedMap<Long, Double> perMinute = byService.computeIfAbsent(service, k -> new HashMap<>())
                    .computeIfAbsent(s.labels().getOrDefault("class", "other"), k -> new TreeMap<>());
            s.points().stream().filter(p -> !Double.isNaN(p.value()))
                    .forEach(p -> perMinute.merge(p.timestamp(), p.value(), Double::sum));
        }
        return byService;
    }

    private List<QueryResult.SeriesPoints> query(String metric, Map<String, String> labels, Aggregation aggregation,
            Instant from, Instant to) {
        return metrics.query(new MetricQuery(metric, labels, from, to, MINUTE, aggregation)).series();
    }

    /** One service's per-minute figures over the last hour. */
    record ServiceFigures(SortedMap<Long, Double> p95, SortedMap<Long, Double> avg, SortedMap<Long, Double> requests,
            SortedMap<Long, Double> availability, Map<String, SortedMap<Long, Double>> errorsByClass) {

        Current current(long from) {
            Double worstP95 = p95.tailMap(from).values().stream().max(Double::compare).orElse(null);
            Double meanAvg = mean(avg.tailMap(from).values());
            double served = sum(requests.tailMap(from).values());
            if (requests.tailMap(from).isEmpty() || served == 0) {
                return new Current(worstP95, meanAvg, mean(availability.tailMap(from).values()), null, null);
            }
            double bad = errors(from, "5xx") + errors(from, "timeout");
            double all = errorsByClass.keySet().stream().mapToDouble(c -> errors(from, c)).sum();
            double seconds = CURRENT_MINUTES * 60.0;
            return new Current(worstP95, meanAvg, ReportMaths.availabilityPct(served, bad), 100 * all / served,
                    served / seconds);
        }

        Sparklines sparklines(Instant from, Instant to) {
            List<Double> p95Line = new ArrayList<>();
            List<Double> availabilityLine = new ArrayList<>();
            List<Double> errorLine = new ArrayList<>();
            List<Double> rpsLine = new ArrayList<>();
            for (long minute = from.toEpochMilli(); minute < to.toEpochMilli(); minute += MINUTE.toMillis()) {
                long t = minute;
                p95Line.add(p95.get(t));
                Double served = requests.get(t);
                if (served == null || served == 0) {
                    availabilityLine.add(availability.get(t));
                    errorLine.add(null);
                    rpsLine.add(served);
                    continue;
                }
                double bad = at(t, "5xx") + at(t, "timeout");
                double all = errorsByClass.keySet().stream().mapToDouble(c -> at(t, c)).sum();
                availabilityLine.add(ReportMaths.availabilityPct(served, bad));
                errorLine.add(100 * all / served);
                rpsLine.add(served / 60.0);
            }
            return new Sparklines(p95Line, availabilityLine, errorLine, rpsLine);
        }

        private double errors(long from, String errorClass) {
            return sum(errorsByClass.getOrDefault(errorClass, new TreeMap<>()).tailMap(from).values());
        }

        private double at(long t, String errorClass) {
            return errorsByClass.getOrDefault(errorClass, new TreeMap<>()).getOrDefault(t, 0.0);
        }

        private static Double mean(java.util.Collection<Double> values) {
            return values.isEmpty() ? null : sum(values) / values.size();
        }

        private static double sum(java.util.Collection<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}

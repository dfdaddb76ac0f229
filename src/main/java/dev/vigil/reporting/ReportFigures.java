package dev.vigil.reporting;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

import dev.vigil.metrics.QueryResult;
import dev.vigil.reporting.Report.ErrorRates;
import dev.vigil.reporting.Report.Performance;
import dev.vigil.reporting.Report.ResponseTime;
import dev.vigil.reporting.Report.Throughput;

/** Turns per-hour sums and per-period values into a report's performance figures, for one service or all. */
final class ReportFigures {

    private ReportFigures() {
    }

    /**
     * @param requestsPerHour requests summed per hour (empty: the service reports no request counts)
     * @param availabilityFallback the mean of {@code api.availability_pct}, used only without request counts
     */
    static Performance performance(Map<String, Double> errorTotals, ResponseTime responseTime, Double peakRps,
            SortedMap<Long, Double> requestsPerHour, Duration length, Double availabilityFallback) {
        if (requestsPerHour.isEmpty()) {
            return new Performance(availabilityFallback, responseTime, new Throughput(null, peakRps, null),
                    new ErrorRates(null, null, null, null), null);
        }
        double requests = total(requestsPerHour);
        double bad = errorTotals.getOrDefault("5xx", 0.0) + errorTotals.getOrDefault("timeout", 0.0);
        double allErrors = errorTotals.values().stream().mapToDouble(Double::doubleValue).sum();
        ErrorRates rates = requests == 0 ? new ErrorRates(null, null, null, null)
                : new ErrorRates(100 * allErrors / requests, 100 * errorTotals.getOrDefault("4xx", 0.0) / requests,
                        100 * errorTotals.getOrDefault("5xx", 0.0) / requests,
                        100 * errorTotals.getOrDefault("timeout", 0.0) / requests);
        Throughput throughput = new Throughput(requests / length.toSeconds(), peakRps,
                max(List.copyOf(requestsPerHour.values())) / 3600.0);
        return new Performance(ReportMaths.availabilityPct(requests, bad), responseTime, throughput, rates,
                Math.round(requests));
    }

    /**
     * All services together. Counts add up exactly (so availability and error rates are the true shares);
     * the average response time is weighted by requests; p95, p99 and max are the worst service's,
     * since percentiles of different series do not add; peak is the sum of the services' peaks (an
     * upper bound: peaks need not coincide); sustained is the busiest hour of all requests together.
     */
    static Measured overall(List<Measured> services, Duration length) {
        Map<String, Double> errorTotals = new HashMap<>();
        services.forEach(m -> m.errorTotals().forEach((k, v) -> errorTotals.merge(k, v, Double::sum)));
        double weighted = 0;
        double weights = 0;
        for (Measured m : services) {
            Double avg = m.performance().responseTime().avgMs();
            Long requests = m.performance().requests();
            if (avg != null && requests != null && requests > 0) {
                weighted += avg * requests;
                weights += requests;
            }
        }
        List<ResponseTime> times = services.stream().map(m -> m.performance().responseTime()).toList();
        Double avg = weights > 0 ? (Double) (weighted / weights)
                : mean(times.stream().map(ResponseTime::avgMs).filter(v -> v != null).toList());
        ResponseTime responseTime = new ResponseTime(avg,
                max(times.stream().map(ResponseTime::p95Ms).filter(v -> v != null).toList()),
                max(times.stream().map(ResponseTime::p99Ms).filter(v -> v != null).toList()),
                max(times.stream().map(ResponseTime::maxMs).filter(v -> v != null).toList()));
        Double peak = sum(services.stream().map(m -> m.performance().throughput().peakRps()).filter(v -> v != null)
                .toList());
        SortedMap<Long, Double> requests = combine(services.stream().map(Measured::requests).toList(), Double::sum);
        Double availabilityFallback = mean(services.stream().map(m -> m.performance().availabilityPct())
                .filter(v -> v != null).toList());
        return new Measured(performance(errorTotals, responseTime, peak, requests, length, availabilityFallback), null,
                services.isEmpty() ? null : services.getFirst().resolution(), errorTotals, requests,
                combine(services.stream().map(Measured::errors).toList(), Double::sum),
                combine(services.stream().map(Measured::bad).toList(), Double::sum),
                combine(services.stream().map(Measured::p95).toList(), Math::max));
    }

    static SortedMap<Long, Double> perStep(QueryResult.SeriesPoints series) {
        SortedMap<Long, Double> steps = new TreeMap<>();
        series.points().forEach(p -> steps.put(p.timestamp(), p.value()));
        return steps;
    }

    static SortedMap<Long, Double> sumPerStep(List<QueryResult.SeriesPoints> series) {
        return combine(series.stream().map(ReportFigures::perStep).toList(), Double::sum);
    }

    static SortedMap<Long, Double> combine(Collection<? extends Map<Long, Double>> maps, BinaryOperator<Double> how) {
        SortedMap<Long, Double> combined = new TreeMap<>();
        maps.forEach(m -> m.forEach((k, v) -> combined.merge(k, v, how)));
        return combined;
    }

    static double total(Map<Long, Double> perStep) {
        return perStep.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static Double max(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    static Double sum(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).sum();
    }
}

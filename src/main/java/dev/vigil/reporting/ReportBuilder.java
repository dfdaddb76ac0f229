package dev.vigil.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import dev.vigil.incident.IncidentManagement;
import dev.vigil.incident.IncidentRecord;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.reporting.Report.BudgetUse;
import dev.vigil.reporting.Report.Chart;
import dev.vigil.reporting.Report.ErrorBudget;
import dev.vigil.reporting.Report.GoalResult;
import dev.vigil.reporting.Report.Incidents;
import dev.vigil.reporting.Report.Performance;
import dev.vigil.reporting.Report.ServiceLine;

/** Puts a report together: metric figures for the period and the one before, targets, goals and incidents. */
@Component
class ReportBuilder {

    /** The overall report lists at most this many services (by name). */
    static final int MAX_SERVICES = 500;

    private final MetricFigures figures;
    private final MetricsManagement metrics;
    private final IncidentManagement incidents;
    private final TargetStore targets;
    private final Clock clock;

    ReportBuilder(MetricFigures figures, MetricsManagement metrics, IncidentManagement incidents, TargetStore targets,
            Clock clock) {
        this.figures = figures;
        this.metrics = metrics;
        this.incidents = incidents;
        this.targets = targets;
        this.clock = clock;
    }

    Report build(ReportWindow window, String service) {
        return service == null ? overall(window) : single(window, service);
    }

    /** Services that report API metrics or have targets, by name. */
    List<String> services() {
        TreeSet<String> names = new TreeSet<>(targets.services());
        for (String metric : List.of(MetricFigures.REQUESTS, MetricFigures.RESPONSE_TIME)) {
            metrics.seriesPage(metric, 0, 10_000).stream()
                    .filter(s -> s.metric().equals(metric))
                    .map(s -> s.labels().get("service"))
                    .filter(Objects::nonNull)
                    .forEach(names::add);
        }
        return names.stream().limit(MAX_SERVICES).toList();
    }

    private Report single(ReportWindow window, String service) {
        Instant now = clock.instant();
        Measured current = figures.measure(service, window);
        Measured previous = figures.measure(service, window.previous());
        ServiceTargets t = targets.find(service).orElse(null);
        Incidents analysis = IncidentFigures.of(incidents.history(service, window.from(), window.to()), now);
        return assemble(window, service, now, current, previous, t, analysis, List.of());
    }

    private Report overall(ReportWindow window) {
        Instant now = clock.instant();
        List<IncidentRecord> all = incidents.history(null, window.from(), window.to());
        List<Measured> current = new ArrayList<>();
        List<Measured> previous = new ArrayList<>();
        List<ServiceLine> lines = new ArrayList<>();
        for (String service : services()) {
            Measured m = figures.measure(service, window);
            current.add(m);
            previous.add(figures.measure(service, window.previous()));
            List<IncidentRecord> own = all.stream().filter(i -> service.equals(i.service())).toList();
            lines.add(line(service, m, targets.find(service).orElse(null), IncidentFigures.of(own, now)));
        }
        Duration length = Duration.between(window.from(), window.to());
        Duration previousLength = Duration.between(window.previous().from(), window.previous().to());
        return assemble(window, null, now, ReportFigures.overall(current, length),
                ReportFigures.overall(previous, previousLength), null, IncidentFigures.of(all, now), lines);
    }

    private Report assemble(ReportWindow window, String service, Instant now, Measured current, Measured previous,
            ServiceTargets t, Incidents analysis, List<ServiceLine> lines) {
        Performance p = current.performance();
        List<BudgetUse> budgets = new ArrayList<>();
        ErrorBudget errorBudget = null;
        List<GoalResult> goals = new ArrayList<>();
        if (t != null) {
            budgets.add(ReportMaths.budget("Response time (avg)", p.responseTime().avgMs(), t.responseTimeBudgetMs(), "ms"));
            budgets.add(ReportMaths.budget("Response time (p95)", p.responseTime().p95Ms(), t.p95TargetMs(), "ms"));
            budgets.add(ReportMaths.budget("Error rate", p.errorRates().overallPct(), t.errorRateTargetPct(), "%"));
            if (t.throughputCapacityRps() != null) {
                budgets.add(ReportMaths.budget("Throughput (peak)", p.throughput().peakRps(), t.throughputCapacityRps(),
                        "req/s"));
            }
            budgets.removeIf(Objects::isNull);
            errorBudget = ReportMaths.errorBudget(t.sloAvailabilityPct(), p.availabilityPct());
            t.goals().forEach(g -> goals.add(ReportMaths.goal(g, g.kpi().of(p, analysis))));
        }
        return new Report(window.title(service), window.period(), service, window.start(), window.lastDay(),
                window.zone().getId(), window.from(), window.to(), now, current.resolution(), p,
                previous.performance(), TrendRule.classify(p, previous.performance()), t, budgets, errorBudget, goals,
                analysis, current.ci(), lines, charts(current, t));
    }

    private static ServiceLine line(String service, Measured m, ServiceTargets t, Incidents analysis) {
        Performance p = m.performance();
        Double budgetPct = t == null ? null : ReportMaths.percentOf(p.responseTime().avgMs(), t.responseTimeBudgetMs());
        ErrorBudget eb = t == null ? null : ReportMaths.errorBudget(t.sloAvailabilityPct(), p.availabilityPct());
        List<GoalResult> goals = t == null ? List.of()
                : t.goals().stream().map(g -> ReportMaths.goal(g, g.kpi().of(p, analysis))).toList();
        return new ServiceLine(service, p.availabilityPct(), p.responseTime().p95Ms(), p.errorRates().overallPct(),
                p.requests(), budgetPct, eb == null ? null : eb.remainingPct(),
                (int) goals.stream().filter(g -> Boolean.TRUE.equals(g.met())).count(),
                (int) goals.stream().filter(g -> g.met() != null).count(), analysis.total());
    }

    /** Hourly charts: p95, throughput, error rate and availability, each beside its target if one is set. */
    static List<Chart> charts(Measured m, ServiceTargets t) {
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("p95 response time", "ms", t == null ? null : t.p95TargetMs(), points(m.p95(), 1)));
        List<double[]> throughput = new ArrayList<>();
        List<double[]> errorRate = new ArrayList<>();
        List<double[]> availability = new ArrayList<>();
        for (var e : m.requests().entrySet()) {
            double requests = e.getValue();
            throughput.add(new double[] {e.getKey(), requests / 3600.0});
            if (requests > 0) {
                errorRate.add(new double[] {e.getKey(), 100.0 * m.errors().getOrDefault(e.getKey(), 0.0) / requests});
                availability.add(new double[] {e.getKey(),
                        100.0 * (requests - m.bad().getOrDefault(e.getKey(), 0.0)) / requests});
            }
        }
        charts.add(new Chart("Throughput", "req/s", t == null ? null : t.throughputCapacityRps(), throughput));
        charts.add(new Chart("Error rate", "%", t == null ? null : t.errorRateTargetPct(), errorRate));
        charts.add(new Chart("Availability", "%", t == null ? null : t.availabilityTargetPct(), availability));
        return charts;
    }

    private static List<double[]> points(SortedMap<Long, Double> perHour, double scale) {
        return perHour.entrySet().stream().map(e -> new double[] {e.getKey(), e.getValue() * scale}).toList();
    }
}

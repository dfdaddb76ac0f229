package dev.vigil.reporting;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.reporting.Report.Direction;
import dev.vigil.reporting.Report.KpiTrend;
import dev.vigil.reporting.Report.Performance;
import dev.vigil.reporting.Report.Trend;

/**
 * Classifies a period against the previous one. Three KPIs count: p95 response time, error rate and
 * availability. A KPI changed when it moved by more than {@value #RELATIVE_PCT} % of its previous value
 * (for availability: of the previous failing share, 100 − availability) and by more than its noise floor (5 ms; 0.05 percentage points of error rate; 0.05 points of
 * availability), so tiny numbers that double do not flip the trend. The period is degrading if any
 * KPI got worse, improving if at least one got better and none worse, stable otherwise.
 */
final class TrendRule {

    static final double RELATIVE_PCT = 10;
    static final String RULE = "p95 response time, error rate and availability against the previous period: a KPI "
            + "changed when it moved by more than 10 % of its previous value (for availability: of the failing share, "
            + "100 − availability) and more than its noise floor (5 ms, "
            + "0.05 points of error rate, 0.05 points of availability). Degrading if any KPI got worse; improving if "
            + "at least one got better and none worse; stable otherwise.";

    private TrendRule() {
    }

    static Trend classify(Performance current, Performance previous) {
        List<KpiTrend> kpis = new ArrayList<>();
        kpis.add(kpi(ReportKpi.RESPONSE_P95_MS, current.responseTime().p95Ms(), previous.responseTime().p95Ms(), 5));
        kpis.add(kpi(ReportKpi.ERROR_RATE_PCT, current.errorRates().overallPct(), previous.errorRates().overallPct(),
                0.05));
        kpis.add(kpi(ReportKpi.AVAILABILITY_PCT, current.availabilityPct(), previous.availabilityPct(), 0.05));
        boolean worse = kpis.stream().anyMatch(k -> k.direction() == Direction.DEGRADING);
        boolean better = kpis.stream().anyMatch(k -> k.direction() == Direction.IMPROVING);
        boolean compared = kpis.stream().anyMatch(k -> k.direction() != null);
        Direction overall = !compared ? null
                : worse ? Direction.DEGRADING : better ? Direction.IMPROVING : Direction.STABLE;
        return new Trend(overall, kpis, RULE);
    }

    static KpiTrend kpi(ReportKpi kpi, Double current, Double previous, double floor) {
        if (current == null || previous == null) {
            return new KpiTrend(kpi, current, previous, null, null);
        }
        double change = current - previous;
        // Availability is judged by its complement (the bad share): 99.0 → 99.5 halves the failures.
        double base = kpi == ReportKpi.AVAILABILITY_PCT ? 100.0 - previous : Math.abs(previous);
        Double changePct = base == 0 ? null : 100.0 * Math.abs(change) / base;
        boolean moved = Math.abs(change) > floor && (changePct == null || changePct > RELATIVE_PCT);
        Direction direction = !moved ? Direction.STABLE
                : (change > 0) == kpi.higherIsBetter() ? Direction.IMPROVING : Direction.DEGRADING;
        return new KpiTrend(kpi, current, previous, previous == 0 ? null : 100.0 * change / Math.abs(previous),
                direction);
    }
}

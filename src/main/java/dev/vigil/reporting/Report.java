package dev.vigil.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.vigil.reporting.ServiceTargets.Term;

/**
 * One report as the API returns it and the PDF and CSV render it. {@code service} is null for the
 * overall report, which adds one line per service. Figures are null where there was no data.
 * Percentages are in percent (99.95), times in milliseconds or minutes as named.
 *
 * @param start the first day of the period, {@code end} the last (both in {@code zone})
 * @param resolution the rollups the metric figures come from: {@code 1m} or {@code 1h}
 */
public record Report(String title, Period period, String service, LocalDate start, LocalDate end, String zone,
        Instant from, Instant to, Instant generatedAt, String resolution, Performance performance, Performance previous,
        Trend trend, ServiceTargets targets, List<BudgetUse> budgets, ErrorBudget errorBudget, List<GoalResult> goals,
        Incidents incidents, Ci ci, List<ServiceLine> services, List<Chart> charts) {

    /** Availability, response time, throughput and error rates over the period. */
    public record Performance(Double availabilityPct, ResponseTime responseTime, Throughput throughput,
            ErrorRates errorRates, Long requests) {

        static Performance empty() {
            return new Performance(null, new ResponseTime(null, null, null, null), new Throughput(null, null, null),
                    new ErrorRates(null, null, null, null), null);
        }
    }

    /** avg: mean of the {@code stat=avg} samples; pNN: the NNth percentile of the {@code stat=pNN} samples. */
    public record ResponseTime(Double avgMs, Double p95Ms, Double p99Ms, Double maxMs) {
    }

    /** avg: requests ÷ seconds; peak: highest sample of requests/s; sustained: the busiest hour's average. */
    public record Throughput(Double avgRps, Double peakRps, Double sustainedRps) {
    }

    /** Each error class as a share of all requests; overall is the sum of the three. */
    public record ErrorRates(Double overallPct, Double client4xxPct, Double server5xxPct, Double timeoutPct) {
    }

    /** The period against the one before it; {@code direction} is null when nothing could be compared. */
    public record Trend(Direction direction, List<KpiTrend> kpis, String rule) {
    }

    /** One KPI against the previous period. */
    public record KpiTrend(ReportKpi kpi, Double current, Double previous, Double changePct, Direction direction) {
    }

    /** Which way a figure went. */
    public enum Direction {
        IMPROVING, STABLE, DEGRADING
    }

    /** Current value ÷ budget, in percent: 95 ms of a 200 ms budget is 47.5 %. */
    public record BudgetUse(String name, double current, double budget, String unit, double utilisationPct) {
    }

    /**
     * The SLO's error budget over the period: the allowed share of bad requests (100 − SLO), the share
     * that was bad, what is left of the budget and the burn rate (1 = spent exactly over the period).
     */
    public record ErrorBudget(double sloPct, double allowedBadPct, double badPct, double remainingPct,
            double burnRate) {
    }

    /** A goal judged by this period's figure; distance is actual − target (positive is above). */
    public record GoalResult(Term term, ReportKpi kpi, double target, Double actual, Boolean met, Double distance,
            String unit, String note) {
    }

    /**
     * The incidents triggered in the period. RCA share: of the resolved incidents whose RCA is written or
     * overdue, how many were written within 24 h of resolution.
     */
    public record Incidents(int total, Map<String, Integer> bySeverity, Double mttaMinutes, Double mttrMinutes,
            Longest longest, Double rcaWithin24hPct, int rcasCounted, int measuresOpen, int measuresDone) {
    }

    /** The longest incident; for one still open, its duration so far. */
    public record Longest(String id, String title, String service, double minutes, boolean open) {
    }

    /** CI pipeline figures, where the service reports {@code ci.*} metrics. */
    public record Ci(Double buildTimeS, Double testTimeS, Double deployTimeS, Double successRatePct, Long runs) {
    }

    /** One service's headline figures in the overall report. */
    public record ServiceLine(String service, Double availabilityPct, Double p95Ms, Double errorRatePct, Long requests,
            Double responseBudgetPct, Double errorBudgetRemainingPct, int goalsMet, int goalsJudged, int incidents) {
    }

    /** A chart: one line of [epoch millis, value] points and an optional target drawn beside it. */
    public record Chart(String name, String unit, Double target, List<double[]> points) {
    }
}

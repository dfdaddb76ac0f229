package dev.vigil.reporting;

import java.util.List;
import java.util.Locale;

import dev.vigil.reporting.StatusBoard.Kpi;
import dev.vigil.reporting.StatusBoard.Tile;

/**
 * How the dashboard judges a KPI against a service's targets. A missed target is {@code CRITICAL}; a
 * KPI within 20 % of its target (80 % of the way there), or spending its budget faster than allowed, is
 * {@code DEGRADED}: the point where a responder wants to look before anything pages. Without data or
 * without a target the tile is {@code UNKNOWN} and does not count.
 * <ul>
 * <li>Response time: p95 against the p95 target; budget use = average ÷ performance budget (spec.md:
 * 95 ms of a 200 ms budget = 47.5 %), over 100 % is degraded.</li>
 * <li>Availability: below the availability target is critical; budget use = unavailability ÷ the
 * unavailability the SLO allows (the error-budget burn rate as a percentage), over 100 % is degraded.</li>
 * <li>Error rate: against the highest acceptable error rate; budget use = rate ÷ target.</li>
 * <li>Throughput: against the capacity the service is sized for, if set; budget use = rate ÷ capacity.</li>
 * </ul>
 */
final class StatusRules {

    static final double NEAR = 0.8;

    private StatusRules() {
    }

    /** The figures of the last few minutes; null where there is no data. */
    record Current(Double p95Ms, Double avgMs, Double availabilityPct, Double errorRatePct, Double requestsPerSecond) {
    }

    record Sparklines(List<Double> p95Ms, List<Double> availabilityPct, List<Double> errorRatePct,
            List<Double> requestsPerSecond) {
    }

    static List<Tile> tiles(Current now, ServiceTargets targets, Sparklines lines) {
        return List.of(responseTime(now, targets, lines.p95Ms()), availability(now, targets, lines.availabilityPct()),
                errorRate(now, targets, lines.errorRatePct()), throughput(now, targets, lines.requestsPerSecond()));
    }

    static Tile responseTime(Current now, ServiceTargets t, List<Double> line) {
        Double p95 = now.p95Ms();
        if (p95 == null || t == null) {
            return unjudged(Kpi.RESPONSE_TIME, p95, t == null ? null : t.p95TargetMs(), line);
        }
        Double budgetUse = now.avgMs() == null ? null : 100 * now.avgMs() / t.responseTimeBudgetMs();
        String budget = "of " + number(t.responseTimeBudgetMs()) + " ms budget (avg)";
        if (p95 > t.p95TargetMs()) {
            return new Tile(Kpi.RESPONSE_TIME, p95, t.p95TargetMs(), budgetUse, budget, StatusLevel.CRITICAL,
                    "above the " + number(t.p95TargetMs()) + " ms target", line);
        }
        if (p95 >= NEAR * t.p95TargetMs()) {
            return new Tile(Kpi.RESPONSE_TIME, p95, t.p95TargetMs(), budgetUse, budget, StatusLevel.DEGRADED,
                    "within 20 % of the target", line);
        }
        if (budgetUse != null && budgetUse > 100) {
            return new Tile(Kpi.RESPONSE_TIME, p95, t.p95TargetMs(), budgetUse, budget, StatusLevel.DEGRADED,
                    "average over the performance budget", line);
        }
        return new Tile(Kpi.RESPONSE_TIME, p95, t.p95TargetMs(), budgetUse, budget, StatusLevel.GOOD, "within target",
                line);
    }

    static Tile availability(Current now, ServiceTargets t, List<Double> line) {
        Double a = now.availabilityPct();
        if (a == null || t == null) {
            return unjudged(Kpi.AVAILABILITY, a, t == null ? null : t.availabilityTargetPct(), line);
        }
        double allowed = 100 - t.sloAvailabilityPct();
        Double burn = allowed <= 0 ? null : 100 * (100 - a) / allowed;
        String budget = "(SLO " + number(t.sloAvailabilityPct()) + " %)";
        if (a < t.availabilityTargetPct()) {
            return new Tile(Kpi.AVAILABILITY, a, t.availabilityTargetPct(), burn, budget, StatusLevel.CRITICAL,
                    "below the " + number(t.availabilityTargetPct()) + " % target", line);
        }
        if (burn != null && burn > 100) {
            return new Tile(Kpi.AVAILABILITY, a, t.availabilityTargetPct(), burn, budget, StatusLevel.DEGRADED,
                    "burning the error budget faster than the SLO allows", line);
        }
        return new Tile(Kpi.AVAILABILITY, a, t.availabilityTargetPct(), burn, budget, StatusLevel.GOOD,
                "within target", line);
    }

    static Tile errorRate(Current now, ServiceTargets t, List<Double> line) {
        Double e = now.errorRatePct();
        if (e == null || t == null) {
            return unjudged(Kpi.ERROR_RATE, e, t == null ? null : t.errorRateTargetPct(), line);
        }
        return against(Kpi.ERROR_RATE, e, t.errorRateTargetPct(), "of the acceptable rate", line);
    }

    static Tile throughput(Current now, ServiceTargets t, List<Double> line) {
        Double rps = now.requestsPerSecond();
        if (rps == null || t == null || t.throughputCapacityRps() == null) {
            return unjudged(Kpi.THROUGHPUT, rps, t == null ? null : t.throughputCapacityRps(), line);
        }
        return against(Kpi.THROUGHPUT, rps, t.throughputCapacityRps(), "of capacity", line);
    }

    /** A KPI with an upper limit: over it critical, within 20 % of it degraded. */
    private static Tile against(Kpi kpi, double value, double limit, String budgetLabel, List<Double> line) {
        Double use = limit <= 0 ? null : 100 * value / limit;
        if (value > limit) {
            return new Tile(kpi, value, limit, use, budgetLabel, StatusLevel.CRITICAL,
                    "above the " + number(limit) + " " + kpi.unit() + " limit", line);
        }
        if (value >= NEAR * limit && value > 0) {
            return new Tile(kpi, value, limit, use, budgetLabel, StatusLevel.DEGRADED, "within 20 % of the limit",
                    line);
        }
        return new Tile(kpi, value, limit, use, budgetLabel, StatusLevel.GOOD, "within target", line);
    }

    private static Tile unjudged(Kpi kpi, Double value, Double target, List<Double> line) {
        String reason = value == null ? "no data in the last 5 minutes" : "no target set";
        return new Tile(kpi, value, target, null, null, StatusLevel.UNKNOWN, reason, line);
    }

    /** The worst judged tile's level; {@code UNKNOWN} if none is judged. */
    static StatusLevel worst(List<Tile> tiles) {
        return tiles.stream().map(Tile::status).reduce(StatusLevel.UNKNOWN, StatusLevel::worse);
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value)
                .replaceAll("0+$", "");
    }
}

package dev.vigil.reporting;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A service's targets, budgets and goals, set by a manager. Reports judge the service by them and the
 * status dashboard shows them beside the current values.
 *
 * @param responseTimeBudgetMs the performance budget for the average response time (95 ms of 200 ms = 47.5 %)
 * @param p95TargetMs the p95 response time target
 * @param availabilityTargetPct the availability target (e.g. 99 %)
 * @param sloAvailabilityPct the availability objective whose error budget reports track (e.g. 99.9 %)
 * @param errorRateTargetPct the highest acceptable error rate (4xx + 5xx + timeouts ÷ requests)
 * @param throughputCapacityRps the throughput the service is sized for; null if none
 */
public record ServiceTargets(String service, double responseTimeBudgetMs, double p95TargetMs,
        double availabilityTargetPct, double sloAvailabilityPct, double errorRateTargetPct, Double throughputCapacityRps,
        List<Goal> goals, Instant updatedAt, String updatedBy) {

    public ServiceTargets {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** A goal: a KPI to reach (at most, or at least, as the KPI prefers) within a term. */
    public record Goal(Term term, ReportKpi kpi, double target, String note) {
    }

    /** How far out a goal is. */
    public enum Term {
        SHORT, MEDIUM, LONG;

        /** The API name: {@code short}, {@code medium}, {@code long}. */
        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Term> fromApiName(String name) {
            return Arrays.stream(values()).filter(t -> t.apiName().equals(name)).findFirst();
        }
    }
}

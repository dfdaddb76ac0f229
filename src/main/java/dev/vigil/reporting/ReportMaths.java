package dev.vigil.reporting;

import dev.vigil.reporting.Report.BudgetUse;
import dev.vigil.reporting.Report.ErrorBudget;
import dev.vigil.reporting.Report.GoalResult;
import dev.vigil.reporting.ServiceTargets.Goal;

/** The small formulas of a report, kept pure so the table tests pin them down. */
final class ReportMaths {

    private ReportMaths() {
    }

    /** Share of good requests in percent; null without requests. */
    static Double availabilityPct(double requests, double badRequests) {
        return requests > 0 ? 100.0 * (requests - badRequests) / requests : null;
    }

    /** {@code part} as a percentage of {@code whole}; null when whole is zero or unknown. */
    static Double percentOf(Double part, Double whole) {
        return part == null || whole == null || whole == 0 ? null : 100.0 * part / whole;
    }

    /** Current ÷ budget in percent (95 ms of 200 ms = 47.5 %); null without a current value. */
    static BudgetUse budget(String name, Double current, double budget, String unit) {
        return current == null ? null : new BudgetUse(name, current, budget, unit, 100.0 * current / budget);
    }

    /**
     * The error budget of an availability SLO over the period. Allowed bad share = 100 − SLO; burn rate
     * = bad share ÷ allowed (1 spends the budget exactly; 2 twice over); remaining = 100 × (1 − burn rate),
     * negative once overspent. Null without an availability figure.
     */
    static ErrorBudget errorBudget(double sloPct, Double availabilityPct) {
        if (availabilityPct == null) {
            return null;
        }
        double allowed = 100.0 - sloPct;
        double bad = Math.max(0, 100.0 - availabilityPct);
        double burnRate = bad / allowed;
        return new ErrorBudget(sloPct, allowed, bad, 100.0 * (1 - burnRate), burnRate);
    }

    /**
     * A goal against its figure: met when at or better than the target (at most for "lower is better"
     * KPIs, at least for the others); distance = actual − target. Not judged (met null) without data.
     */
    static GoalResult goal(Goal goal, Double actual) {
        if (actual == null) {
            return new GoalResult(goal.term(), goal.kpi(), goal.target(), null, null, null, goal.kpi().unit(),
                    goal.note());
        }
        boolean met = goal.kpi().higherIsBetter() ? actual >= goal.target() : actual <= goal.target();
        return new GoalResult(goal.term(), goal.kpi(), goal.target(), actual, met, actual - goal.target(),
                goal.kpi().unit(), goal.note());
    }
}

package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.reporting.Report.ErrorBudget;
import dev.vigil.reporting.ServiceTargets.Goal;
import dev.vigil.reporting.ServiceTargets.Term;

class ReportMathsTests {

    @ParameterizedTest(name = "{1} bad of {0} requests → {2} % available")
    @CsvSource({
            "1000000, 0, 100.0",
            "1000000, 500, 99.95",
            "864000, 8640, 99.0",
            "3, 1, 66.66666666666667"})
    void availabilityIsTheShareOfGoodRequests(double requests, double bad, double expected) {
        assertThat(ReportMaths.availabilityPct(requests, bad)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"0, 0"})
    void availabilityWithoutRequestsIsUnknown(double requests, double bad) {
        assertThat(ReportMaths.availabilityPct(requests, bad)).isNull();
    }

    @ParameterizedTest(name = "{0} of a {1} budget = {2} %")
    @CsvSource({
            "95, 200, 47.5",
            "200, 200, 100",
            "250, 200, 125",
            "0.4, 1, 40"})
    void budgetUtilisationIsCurrentDividedByBudget(double current, double budget, double expectedPct) {
        assertThat(ReportMaths.budget("x", current, budget, "ms").utilisationPct()).isCloseTo(expectedPct,
                within(1e-9));
    }

    @ParameterizedTest(name = "SLO {0} %, availability {1} % → burn rate {2}, remaining {3} %")
    @CsvSource({
            "99.9, 99.95, 0.5, 50",
            "99.9, 99.9, 1, 0",
            "99.9, 99.8, 2, -100",
            "99.9, 100, 0, 100",
            "99.5, 99.0, 2, -100",
            "99, 99.75, 0.25, 75"})
    void errorBudgetBurnRateIsBadShareOverAllowedShare(double slo, double availability, double burnRate,
            double remaining) {
        ErrorBudget budget = ReportMaths.errorBudget(slo, availability);

        assertThat(budget.burnRate()).isCloseTo(burnRate, within(1e-9));
        assertThat(budget.remainingPct()).isCloseTo(remaining, within(1e-7));
        assertThat(budget.allowedBadPct()).isCloseTo(100 - slo, within(1e-9));
    }

    @ParameterizedTest(name = "{0} target {1}, actual {2} → met {3}, distance {4}")
    @CsvSource({
            "RESPONSE_P95_MS, 500, 480, true, -20",
            "RESPONSE_P95_MS, 500, 500, true, 0",
            "RESPONSE_P95_MS, 500, 812, false, 312",
            "AVAILABILITY_PCT, 99.9, 99.95, true, 0.05",
            "AVAILABILITY_PCT, 99.9, 99.5, false, -0.4",
            "MTTA_MINUTES, 5, 7.5, false, 2.5",
            "RCA_WITHIN_24H_PCT, 100, 80, false, -20"})
    void aGoalIsMetAtOrBeyondItsTargetInTheKpisBetterDirection(ReportKpi kpi, double target, double actual,
            boolean met, double distance) {
        Report.GoalResult result = ReportMaths.goal(new Goal(Term.SHORT, kpi, target, null), actual);

        assertThat(result.met()).isEqualTo(met);
        assertThat(result.distance()).isCloseTo(distance, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"RESPONSE_P95_MS"})
    void aGoalWithoutDataIsNotJudged(ReportKpi kpi) {
        Report.GoalResult result = ReportMaths.goal(new Goal(Term.LONG, kpi, 500, "x"), null);

        assertThat(result.met()).isNull();
        assertThat(result.distance()).isNull();
    }
}

package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.reporting.Report.Direction;
import dev.vigil.reporting.Report.ErrorRates;
import dev.vigil.reporting.Report.Performance;
import dev.vigil.reporting.Report.ResponseTime;
import dev.vigil.reporting.Report.Throughput;

class TrendRuleTests {

    @ParameterizedTest(name = "p95 {0}→{1}, errors {2}→{3} %, availability {4}→{5} % is {6}")
    @CsvSource({
            // nothing moved more than 10 % and its floor
            "200, 210, 0.50, 0.52, 99.90, 99.91, STABLE",
            // p95 down 25 %
            "200, 150, 0.50, 0.50, 99.90, 99.90, IMPROVING",
            // p95 up 25 % outweighs better errors
            "200, 250, 0.50, 0.20, 99.90, 99.90, DEGRADING",
            // p95 up 50 % but only 3 ms: under the 5 ms floor
            "6, 9, 0.50, 0.50, 99.90, 99.90, STABLE",
            // error rate doubled but by 0.01 points: noise
            "200, 200, 0.01, 0.02, 99.90, 99.90, STABLE",
            // availability 99.9 → 99.8: the failing share doubled, by 0.1 points
            "200, 200, 0.50, 0.50, 99.90, 99.80, DEGRADING",
            // availability 99.0 → 99.5: the failing share halved
            "200, 200, 0.50, 0.50, 99.00, 99.50, IMPROVING",
            // availability 99.95 → 99.93: failing share +40 % but only 0.02 points
            "200, 200, 0.50, 0.50, 99.95, 99.93, STABLE"})
    void classifiesThePeriodAgainstThePreviousOne(double p95Before, double p95Now, double errorsBefore,
            double errorsNow, double availabilityBefore, double availabilityNow, Direction expected) {
        Report.Trend trend = TrendRule.classify(performance(p95Now, errorsNow, availabilityNow),
                performance(p95Before, errorsBefore, availabilityBefore));

        assertThat(trend.direction()).isEqualTo(expected);
        assertThat(trend.rule()).contains("10 %");
    }

    @Test
    void withoutPreviousDataThereIsNoTrend() {
        Report.Trend trend = TrendRule.classify(performance(200, 0.5, 99.9), Performance.empty());

        assertThat(trend.direction()).isNull();
        assertThat(trend.kpis()).allSatisfy(k -> assertThat(k.direction()).isNull());
    }

    @Test
    void eachKpiCarriesItsOwnDirectionAndRelativeChange() {
        Report.Trend trend = TrendRule.classify(performance(250, 0.5, 99.9), performance(200, 0.5, 99.9));

        Report.KpiTrend p95 = trend.kpis().getFirst();
        assertThat(p95.kpi()).isEqualTo(ReportKpi.RESPONSE_P95_MS);
        assertThat(p95.direction()).isEqualTo(Direction.DEGRADING);
        assertThat(p95.changePct()).isEqualTo(25.0);
    }

    private static Performance performance(double p95, double errorRate, double availability) {
        return new Performance(availability, new ResponseTime(95.0, p95, 250.0, 500.0), new Throughput(100.0, 120.0,
                110.0), new ErrorRates(errorRate, 0.4, 0.1, 0.0), 1000L);
    }
}

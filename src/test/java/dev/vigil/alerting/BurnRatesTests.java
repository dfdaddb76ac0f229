package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.alerting.AlertRule.Indicator;
import dev.vigil.alerting.AlertRule.RuleQuery;
import dev.vigil.alerting.AlertRule.Slo;
import dev.vigil.metrics.WindowQuery;
import dev.vigil.metrics.WindowValue;

class BurnRatesTests {

    @ParameterizedTest(name = "{0} {1} % against {2} % → {3}x")
    @CsvSource({
            // a 99.9 % objective allows 0.1 % errors: 1.44 % errors burns 14.4×
            "availability, 98.56, 99.9, 14.4",
            "availability, 99.9, 99.9, 1",
            "availability, 100, 99.9, 0",
            "error-rate, 1.44, 99.9, 14.4",
            "error-rate, 0.6, 99.9, 6",
            "availability, 97, 99.5, 6",
    })
    void burnRateIsTheErrorRatioOverTheAllowedOne(String indicator, double value, double objective, double expected) {
        Slo slo = new Slo(indicator.equals("availability") ? Indicator.AVAILABILITY : Indicator.ERROR_RATE, objective,
                Duration.ofDays(30), BurnRates.DEFAULTS);

        assertThat(BurnRates.burnRate(slo, value)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "long {0} % and short {1} % → page: {2}")
    @CsvSource({
            "98.0, 98.0, true",     // both windows burn at 20×
            "98.0, 99.95, false",   // the problem has stopped: the short window cools the alert at once
            "99.95, 98.0, false",   // a blip: the long window has not spent 2 % of the budget yet
    })
    void aWindowPairFiresOnlyWhenBothWindowsBurnFasterThanTheFactor(double longValue, double shortValue,
            boolean fires) {
        AlertRule rule = new AlertRule("slo", "SLO", null, null, Severity.CRITICAL,
                new RuleQuery("api.availability_pct", Map.of(), "avg", Duration.ofMinutes(5), null), null, null, null,
                null, null, Duration.ofMinutes(1), null, null, Map.of(),
                new Slo(Indicator.AVAILABILITY, 99.9, Duration.ofDays(30), List.of(BurnRates.DEFAULTS.getFirst())), true);
        RulePlan plan = new RulePlan(rule);
        Map<WindowQuery, List<WindowValue>> answers = Map.of(
                new WindowQuery("api.availability_pct", Map.of(), dev.vigil.metrics.Aggregation.AVG, Duration.ofHours(1)),
                List.of(new WindowValue(Map.of("service", "checkout"), longValue)),
                new WindowQuery("api.availability_pct", Map.of(), dev.vigil.metrics.Aggregation.AVG, Duration.ofMinutes(5)),
                List.of(new WindowValue(Map.of("service", "checkout"), shortValue)));

        Observation observation = plan.observe(answers).getFirst();

        assertThat(plan.queries()).hasSize(2);
        assertThat(observation.labels()).containsEntry("slo_window", "1h/5m");
        assertThat(observation.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(observation.comparator().breaches(observation.value(), observation.threshold())).isEqualTo(fires);
    }
}

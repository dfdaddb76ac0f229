package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.alerting.AlertEvaluator.Settings;
import dev.vigil.alerting.AlertEvaluator.Step;
import dev.vigil.alerting.AlertRule.Recovery;

/**
 * The state machine, table-driven: each row feeds one value per minute (- = no data) through a rule
 * and lists the state after each evaluation.
 */
class AlertEvaluatorTests {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                     | cond  | recovery | pending | n/m | missing        | values (one a minute)           | states after each
            fires at once without a pending duration   | > 500 |          | PT0S    | 1/1 | ignore         | 100 600 600 100                 | OK FIRING FIRING OK
            equal to the threshold does not breach >   | > 500 |          | PT0S    | 1/1 | ignore         | 500 500                         | OK OK
            >= breaches on equality                    | >= 500|          | PT0S    | 1/1 | ignore         | 500                             | FIRING
            < fires on low values                      | < 99  |          | PT0S    | 1/1 | ignore         | 99.5 98 99.2                    | OK FIRING OK
            pending until the duration has passed      | > 500 |          | PT2M    | 1/1 | ignore         | 600 600 600 600 100             | PENDING PENDING FIRING FIRING OK
            pending that clears never fires            | > 500 |          | PT2M    | 1/1 | ignore         | 600 600 100 600                 | PENDING PENDING OK PENDING
            pending duration is measured, not counted  | > 500 |          | PT90S   | 1/1 | ignore         | 600 600 600                     | PENDING PENDING FIRING
            3 of 5 needs three breaches                | > 500 |          | PT0S    | 3/5 | ignore         | 600 100 600 100 600 100 100     | OK OK OK OK FIRING OK OK
            3 of 5 stays firing while 3 of last 5 hold | > 500 |          | PT0S    | 3/5 | ignore         | 600 600 600 100 100 100         | OK OK FIRING FIRING FIRING OK
            one stray spike does not fire 2 of 3       | > 80  |          | PT0S    | 2/3 | ignore         | 90 50 50 90 50                  | OK OK OK OK OK
            hysteresis keeps firing above recovery     | > 500 | 400      | PT0S    | 1/1 | ignore         | 600 450 420 390 450             | FIRING FIRING FIRING OK OK
            hysteresis for a low threshold             | < 99  | 99.5     | PT0S    | 1/1 | ignore         | 98 99.2 99.6                    | FIRING FIRING OK
            flapping around the threshold is damped    | > 500 | 400      | PT0S    | 1/1 | ignore         | 510 490 510 490 510 490         | FIRING FIRING FIRING FIRING FIRING FIRING
            flapping without hysteresis flaps          | > 500 |          | PT0S    | 1/1 | ignore         | 510 490 510 490                 | FIRING OK FIRING OK
            missing ignored keeps OK                   | > 500 |          | PT0S    | 1/1 | ignore         | - - 100                         | OK OK OK
            missing ignored keeps FIRING               | > 500 |          | PT0S    | 1/1 | ignore         | 600 - - 100                     | FIRING FIRING FIRING OK
            missing ignored keeps pending and its clock | > 500 |          | PT2M    | 1/1 | ignore         | 600 - 600 600                   | PENDING PENDING FIRING FIRING
            missing as breaching fires                 | > 500 |          | PT0S    | 1/1 | breaching      | 100 - -                         | OK FIRING FIRING
            missing as breaching respects pending      | > 500 |          | PT1M    | 1/1 | breaching      | - - -                           | PENDING FIRING FIRING
            missing as not breaching recovers          | > 500 |          | PT0S    | 1/1 | not-breaching  | 600 - 600                       | FIRING OK FIRING
            missing as no-data alerts                  | > 500 |          | PT0S    | 1/1 | no-data-alert  | 100 - - 100                     | OK NO_DATA NO_DATA OK
            firing then no data stays paging           | > 500 |          | PT0S    | 1/1 | no-data-alert  | 600 - 600                       | FIRING NO_DATA FIRING
            no data then breaching skips pending       | > 500 |          | PT5M    | 1/1 | no-data-alert  | - 600                           | NO_DATA FIRING
            """)
    void followsTheRuleSemantics(String name, String condition, Double recovery, String pending, String nOfM,
            String missing, String values, String expected) {
        String[] cond = condition.trim().split("\\s+");
        String[] nm = nOfM.split("/");
        Settings settings = new Settings(Duration.parse(pending), Integer.parseInt(nm[0]), Integer.parseInt(nm[1]),
                MissingData.fromApiName(missing).orElseThrow());
        Observation template = new Observation(Map.of("service", "checkout"), Double.NaN, Severity.HIGH,
                Comparator.fromSymbol(cond[0]).orElseThrow(), Double.parseDouble(cond[1]),
                recovery == null ? null : new Recovery(recovery));

        List<AlertState> states = run(template, settings, values.trim().split("\\s+"));

        assertThat(states).containsExactlyElementsOf(
                Arrays.stream(expected.trim().split("\\s+")).map(AlertState::valueOf).toList());
    }

    @Test
    void everyTransitionRecordsTheValueAndTimeThatCausedIt() {
        Observation breach = observation(812);
        AlertInstance start = AlertInstance.fresh("r", breach.labels(), T0);

        Step step = AlertEvaluator.evaluate(start, breach, new Settings(Duration.ZERO, 1, 1, MissingData.IGNORE),
                T0.plusSeconds(60));

        assertThat(step.transition()).isNotNull();
        assertThat(step.transition().from()).isEqualTo(AlertState.OK);
        assertThat(step.transition().to()).isEqualTo(AlertState.FIRING);
        assertThat(step.transition().value()).isEqualTo(812);
        assertThat(step.transition().at()).isEqualTo(T0.plusSeconds(60));
        assertThat(step.transition().reason()).isEqualTo("812 > 500");
    }

    @Test
    void aRepeatedEvaluationAtTheSameInstantCountsNothingTwice() {
        Settings twoOfTwo = new Settings(Duration.ZERO, 2, 2, MissingData.IGNORE);
        AlertInstance first = AlertEvaluator.evaluate(AlertInstance.fresh("r", Map.of(), T0), observation(600),
                twoOfTwo, T0.plusSeconds(60)).instance();

        Step repeated = AlertEvaluator.evaluate(first, observation(600), twoOfTwo, T0.plusSeconds(60));
        Step earlier = AlertEvaluator.evaluate(first, observation(600), twoOfTwo, T0.plusSeconds(30));

        assertThat(repeated.instance()).isSameAs(first);
        assertThat(earlier.instance()).isSameAs(first);
        assertThat(first.state()).isEqualTo(AlertState.OK);
    }

    @Test
    void pendingCountsFromTheFirstBreachEvenWhenEvaluationsRunLate() {
        Settings pending = new Settings(Duration.ofMinutes(1), 1, 1, MissingData.IGNORE);
        AlertInstance pendingSince = AlertEvaluator.evaluate(AlertInstance.fresh("r", Map.of(), T0), observation(600),
                pending, T0.plusSeconds(1)).instance();

        // the next evaluation comes 59.999 s later (a late scheduler), then exactly on the minute
        AlertInstance almost = AlertEvaluator.evaluate(pendingSince, observation(600), pending,
                T0.plusMillis(60_999)).instance();
        AlertInstance exactly = AlertEvaluator.evaluate(almost, observation(600), pending, T0.plusSeconds(61)).instance();

        assertThat(almost.state()).isEqualTo(AlertState.PENDING);
        assertThat(exactly.state()).isEqualTo(AlertState.FIRING);
    }

    private static Observation observation(double value) {
        return new Observation(Map.of(), value, Severity.HIGH, Comparator.GREATER, 500, null);
    }

    private static List<AlertState> run(Observation template, Settings settings, String[] values) {
        AlertInstance instance = AlertInstance.fresh("rule", template.labels(), T0);
        List<AlertState> states = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double value = values[i].equals("-") ? Double.NaN : Double.parseDouble(values[i]);
            Observation o = new Observation(template.labels(), value, template.severity(), template.comparator(),
                    template.threshold(), template.recovery());
            instance = AlertEvaluator.evaluate(instance, o, settings, T0.plusSeconds(60L * (i + 1))).instance();
            states.add(instance.state());
        }
        return states;
    }
}

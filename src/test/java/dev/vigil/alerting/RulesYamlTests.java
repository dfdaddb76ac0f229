package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;

class RulesYamlTests {

    @Test
    void theDefaultRulesSurviveARoundTrip() {
        List<AlertRule> rules = RulesYaml.read(AlertingStartup.defaultRules()).stream()
                .map(RuleReader.Result::rule).toList();

        String exported = RulesYaml.write(rules);
        List<AlertRule> again = RulesYaml.read(exported).stream().map(RuleReader.Result::rule).toList();

        assertThat(rules).hasSize(10).doesNotContainNull();
        assertThat(again).isEqualTo(rules);
        assertThat(exported).contains("name: High Response Time").contains("window: PT2M");
    }

    @Test
    void namesTheLineOfEachBadField() {
        String yaml = """
                rules:
                  - name: Good
                    query: {metric: api.requests, window: PT1M}
                    condition: {comparator: ">", threshold: 1}
                  - name: Bad
                    query:
                      metric: api.requests
                      window: one minute
                    condition:
                      comparator: ">"
                      threshold: lots
                """;

        List<FieldViolation> violations = RulesYaml.read(yaml).stream().flatMap(r -> r.violations().stream()).toList();

        assertThat(violations).extracting(FieldViolation::pointer)
                .containsExactly("/rules/1/query/window", "/rules/1/condition/threshold");
        assertThat(violations.get(0).reason()).startsWith("line 8: ");
        assertThat(violations.get(1).reason()).startsWith("line 11: ");
    }

    @Test
    void aMissingFieldIsReportedAtItsParentsLine() {
        String yaml = """
                rules:
                  - name: No condition
                    query: {metric: api.requests}
                """;

        FieldViolation violation = RulesYaml.read(yaml).getFirst().violations().getFirst();

        assertThat(violation.pointer()).isEqualTo("/rules/0/condition");
        assertThat(violation.reason()).isEqualTo("line 2: is required");
    }

    @Test
    void unreadableYamlNamesTheLine() {
        assertThatThrownBy(() -> RulesYaml.read("rules:\n  - name: [unclosed\n"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations().getFirst().reason())
                        .startsWith("line "));
    }
}

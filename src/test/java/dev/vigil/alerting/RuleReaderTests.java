package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RuleReaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALID = """
            {"name": "High Response Time", "service": "checkout", "severity": "critical",
             "query": {"metric": "api.response_time_ms", "labels": {"stat": "p95"}, "aggregation": "avg", "window": "PT5M"},
             "condition": {"comparator": ">", "threshold": 500},
             "recovery": {"threshold": 400},
             "pendingFor": "PT1M", "datapoints": {"n": 3, "m": 5}, "missingData": "ignore",
             "evaluateEvery": "PT1M", "escalationPolicy": "default", "runbookUrl": "https://runbooks.example/rt", "enabled": true}
            """;

    @Test
    void readsTheContractExample() {
        RuleReader.Result result = RuleReader.read(JSON.readTree(VALID), "");

        assertThat(result.violations()).isEmpty();
        AlertRule rule = result.rule();
        assertThat(rule.name()).isEqualTo("High Response Time");
        assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rule.query().labels()).containsEntry("stat", "p95");
        assertThat(rule.query().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rule.condition().comparator()).isEqualTo(Comparator.GREATER);
        assertThat(rule.recovery().threshold()).isEqualTo(400);
        assertThat(rule.datapoints()).isEqualTo(new AlertRule.Datapoints(3, 5));
        assertThat(rule.evaluateEvery()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void writesBackTheSameDocument() {
        AlertRule rule = RuleReader.read(JSON.readTree(VALID), "").rule();

        AlertRule again = RuleReader.read(RuleJson.tree(rule), "").rule();

        assertThat(again).isEqualTo(rule);
        assertThat(RuleJson.tree(rule).get("pendingFor").asString()).isEqualTo("PT1M");
        assertThat(RuleJson.tree(rule).get("condition").get("comparator").asString()).isEqualTo(">");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /name                    | must not be blank             | "name": ""
            /severity                | must be one of critical       | "severity": "urgent"
            /query/metric            | must match                    | "query": {"metric": "9bad name", "window": "PT5M"}
            /query/aggregation       | must be one of avg            | "query": {"metric": "m", "aggregation": "median"}
            /query/window            | ISO-8601 duration             | "query": {"metric": "m", "window": "5 minutes"}
            /query/window            | whole number of seconds       | "query": {"metric": "m", "window": "PT0.5S"}
            /query/divideBy          | is required                   | "query": {"metric": "m", "aggregation": "ratio"}
            /query/labels/9x         | not a valid label name        | "query": {"metric": "m", "labels": {"9x": "y"}}
            /condition/comparator    | must be one of >, >=, <, <=   | "condition": {"comparator": "=>", "threshold": 1}
            /condition/threshold     | must be a finite number       | "condition": {"comparator": ">", "threshold": "high"}
            /recovery                | healthy side                  | "recovery": {"threshold": 600}
            /pendingFor              | ISO-8601 duration             | "pendingFor": "1m"
            /datapoints/n            | must not be more than m       | "datapoints": {"n": 6, "m": 5}
            /datapoints/m            | from 1 to 60                  | "datapoints": {"n": 1, "m": 0}
            /missingData             | no-data-alert                 | "missingData": "zero"
            /evaluateEvery           | must be from PT1S             | "evaluateEvery": "PT0S"
            /evaluateEvery           | must be from PT1S             | "evaluateEvery": "P2D"
            /runbookUrl              | http or https URL             | "runbookUrl": "javascript:alert(1)"
            /enabled                 | true or false                 | "enabled": "yes"
            /id                      | lower-case letters            | "id": "Has Spaces"
            """)
    void refusesABadField(String pointer, String reason, String override) {
        RuleReader.Result result = RuleReader.read(withOverride(override), "");

        assertThat(result.rule()).isNull();
        assertThat(result.violations()).anySatisfy(v -> {
            assertThat(v.pointer()).isEqualTo(pointer);
            assertThat(v.reason()).contains(reason);
        });
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        JsonNode rule = JSON.readTree("""
                {"name": "", "severity": "urgent", "query": {"metric": "m", "window": "soon"},
                 "condition": {"comparator": "~", "threshold": null}, "evaluateEvery": "never"}""");

        RuleReader.Result result = RuleReader.read(rule, "");

        assertThat(result.violations()).extracting(FieldViolation::pointer).containsExactlyInAnyOrder(
                "/name", "/severity", "/query/window", "/condition/comparator", "/condition/threshold", "/evaluateEvery");
    }

    @Test
    void anSloRuleNeedsNoConditionAndGetsTheDefaultBurnRates() {
        RuleReader.Result result = RuleReader.read(JSON.readTree("""
                {"name": "Availability SLO", "query": {"metric": "api.availability_pct"},
                 "slo": {"indicator": "availability", "objective": 99.9}}"""), "");

        assertThat(result.violations()).isEmpty();
        assertThat(result.rule().slo().period()).isEqualTo(Duration.ofDays(30));
        assertThat(result.rule().slo().burnRates()).isEqualTo(BurnRates.DEFAULTS);
    }

    @Test
    void anSloRuleRefusesAnObjectiveOutsidePercentAndAShortWindowLongerThanTheLongOne() {
        RuleReader.Result result = RuleReader.read(JSON.readTree("""
                {"name": "SLO", "query": {"metric": "m"},
                 "slo": {"indicator": "availability", "objective": 100,
                         "burnRates": [{"longWindow": "PT5M", "shortWindow": "PT1H", "factor": 14.4}]}}"""), "");

        assertThat(result.violations()).extracting(FieldViolation::pointer)
                .containsExactlyInAnyOrder("/slo/objective", "/slo/burnRates/0/shortWindow");
    }

    private static JsonNode withOverride(String override) {
        var base = (tools.jackson.databind.node.ObjectNode) JSON.readTree(VALID);
        base.setAll((tools.jackson.databind.node.ObjectNode) JSON.readTree("{" + override + "}"));
        return base;
    }
}

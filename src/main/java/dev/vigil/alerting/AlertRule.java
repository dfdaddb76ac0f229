package dev.vigil.alerting;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An alert rule as users write it (REST, YAML, editor). A threshold rule has a {@code condition}; an
 * SLO rule has an {@code slo} instead and is turned into burn-rate alerts by {@link BurnRates}.
 * Instances of {@code AlertRule} have passed {@link RuleReader}'s validation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRule(String id, String name, String description, String service, Severity severity,
        RuleQuery query, Condition condition, Recovery recovery, Duration pendingFor, Datapoints datapoints,
        MissingData missingData, Duration evaluateEvery, String escalationPolicy, String runbookUrl,
        Map<String, String> labels, Slo slo, boolean enabled) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    public AlertRule {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @JsonIgnore
    public boolean isSlo() {
        return slo != null;
    }

    public AlertRule withId(String newId) {
        return new AlertRule(newId, name, description, service, severity, query, condition, recovery, pendingFor,
                datapoints, missingData, evaluateEvery, escalationPolicy, runbookUrl, labels, slo, enabled);
    }

    public AlertRule withEnabled(boolean on) {
        return new AlertRule(id, name, description, service, severity, query, condition, recovery, pendingFor,
                datapoints, missingData, evaluateEvery, escalationPolicy, runbookUrl, labels, slo, on);
    }

    /**
     * What the rule looks at: a metric's series (exact label matches) aggregated over a window; with
     * {@code divideBy} and aggregation {@code ratio}, the sum of the matching series divided by the
     * sum of the denominator's, in percent (an error rate).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleQuery(String metric, Map<String, String> labels, String aggregation, Duration window,
            Denominator divideBy) {

        public static final String RATIO = "ratio";

        public RuleQuery {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        @JsonIgnore
        public boolean isRatio() {
            return RATIO.equals(aggregation);
        }

        public RuleQuery withWindow(Duration newWindow) {
            return new RuleQuery(metric, labels, aggregation, newWindow, divideBy);
        }
    }

    /** The denominator of a ratio query. */
    public record Denominator(String metric, Map<String, String> labels) {

        public Denominator {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    /** Breach when {@code value <comparator> threshold}. */
    public record Condition(Comparator comparator, double threshold) {
    }

    /**
     * Hysteresis: once firing, the alert recovers only when the value is back past this threshold
     * (for {@code > 500} with recovery 400, a value of 450 keeps it firing).
     */
    public record Recovery(double threshold) {
    }

    /** Fire when at least {@code n} of the last {@code m} evaluations breached. */
    public record Datapoints(int n, int m) {

        public static final Datapoints ONE_OF_ONE = new Datapoints(1, 1);
    }

    /**
     * A service level objective over the rule's query: {@code indicator} says whether the query gives
     * the good share (availability %) or the bad share (error rate %); {@code objective} is the target
     * in percent over {@code period}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slo(Indicator indicator, double objective, Duration period, List<BurnRateWindow> burnRates) {

        public Slo {
            burnRates = burnRates == null ? List.of() : List.copyOf(burnRates);
        }
    }

    /** Whether an SLO query measures what went right or what went wrong. */
    public enum Indicator {
        AVAILABILITY, ERROR_RATE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Alert when the error budget burns faster than {@code factor} times the sustainable rate over both
     * the long and the short window (the short one makes the alert stop soon after the problem does).
     */
    public record BurnRateWindow(Duration longWindow, Duration shortWindow, double factor, Severity severity) {
    }
}

package dev.vigil.alerting;

import dev.vigil.base.JsonFields;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.alerting.AlertRule.BurnRateWindow;
import dev.vigil.alerting.AlertRule.Condition;
import dev.vigil.alerting.AlertRule.Datapoints;
import dev.vigil.alerting.AlertRule.Denominator;
import dev.vigil.alerting.AlertRule.Indicator;
import dev.vigil.alerting.AlertRule.Recovery;
import dev.vigil.alerting.AlertRule.RuleQuery;
import dev.vigil.alerting.AlertRule.Slo;
import dev.vigil.base.FieldViolation;
import dev.vigil.metrics.Aggregation;
import tools.jackson.databind.JsonNode;

/**
 * Turns a rule as written (JSON from the API, YAML from an import, a stored definition) into an
 * {@link AlertRule}, or the list of everything wrong with it. All checks live here, so the API, the
 * import and the editor refuse exactly the same rules.
 */
final class RuleReader {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofHours(24);
    static final Duration MAX_WINDOW = Duration.ofDays(35);
    static final int MAX_DATAPOINTS = 60;
    private static final String METRIC = "[a-zA-Z_][a-zA-Z0-9_.:]*";
    private static final String ID = "[a-z0-9][a-z0-9-]{0,63}";
    private static final String AGGREGATIONS = "avg, min, max, sum, count, rate, last, p50, p90, p95, p99, ratio";

    private RuleReader() {
    }

    /** The rule, or the violations; never both. */
    record Result(AlertRule rule, List<FieldViolation> violations) {

        boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * @param at JSON pointer of the rule in its document ({@code ""} for a single rule,
     *        {@code /rules/3} in an import)
     */
    static Result read(JsonNode node, String at) {
        List<FieldViolation> violations = new ArrayList<>();
        if (node == null || !node.isObject()) {
            violations.add(new FieldViolation(at.isEmpty() ? "/" : at, "must be an object describing a rule"));
            return new Result(null, violations);
        }
        JsonFields f = new JsonFields(node, at, violations);
        String id = f.string("id", false, 64);
        if (id != null && !id.matches(ID)) {
            f.reject("id", "must be lower-case letters, digits and dashes (at most 64)");
        }
        String name = f.string("name", true, 200);
        String description = f.string("description", false, 2000);
        String service = f.string("service", false, 200);
        Severity severity = f.choice("severity", Severity.HIGH, Severity::fromApiName, "critical, high, medium, low");
        RuleQuery query = f.object("query", true).map(RuleReader::query).orElse(null);
        Slo slo = f.object("slo", false).map(RuleReader::slo).orElse(null);
        Condition condition = null;
        Recovery recovery = null;
        if (slo == null) {
            condition = f.object("condition", true).map(RuleReader::condition).orElse(null);
            recovery = f.object("recovery", false).map(r -> r.number("threshold", true)).map(Recovery::new).orElse(null);
            checkRecovery(f, condition, recovery);
        } else if (f.has("condition") || f.has("recovery")) {
            f.reject(f.has("condition") ? "condition" : "recovery",
                    "must be left out of an SLO rule: its thresholds are the burn-rate factors");
        }
        Duration pendingFor = f.duration("pendingFor", Duration.ZERO, Duration.ZERO, MAX_WINDOW);
        Datapoints datapoints = f.object("datapoints", false).map(RuleReader::datapoints).orElse(Datapoints.ONE_OF_ONE);
        MissingData missingData = f.choice("missingData", MissingData.IGNORE, MissingData::fromApiName,
                "ignore, breaching, not-breaching, no-data-alert");
        Duration evaluateEvery = f.duration("evaluateEvery", AlertRule.DEFAULT_INTERVAL, MIN_INTERVAL, MAX_INTERVAL);
        String escalationPolicy = f.string("escalationPolicy", false, 200);
        String runbookUrl = f.string("runbookUrl", false, 2000);
        if (runbookUrl != null && !isWebUrl(runbookUrl)) {
            f.reject("runbookUrl", "must be an http or https URL");
        }
        Map<String, String> labels = f.labels("labels");
        boolean enabled = f.bool("enabled", true);
        if (!violations.isEmpty()) {
            return new Result(null, violations);
        }
        return new Result(new AlertRule(id, name, description, service, severity, query, condition, recovery,
                pendingFor, datapoints, missingData, evaluateEvery, escalationPolicy, runbookUrl, labels, slo,
                enabled), violations);
    }

    private static RuleQuery query(JsonFields q) {
        String metric = metricName(q, "metric");
        Map<String, String> labels = q.labels("labels");
        String aggregation = q.string("aggregation", false, 20);
        if (aggregation == null) {
            aggregation = q.has("divideBy") ? RuleQuery.RATIO : "avg";
        }
        if (!RuleQuery.RATIO.equals(aggregation) && Aggregation.fromApiName(aggregation).isEmpty()) {
            q.reject("aggregation", "must be one of " + AGGREGATIONS);
        }
        Duration window = q.duration("window", Duration.ofMinutes(5), MIN_INTERVAL, MAX_WINDOW);
        Denominator divideBy = q.object("divideBy", RuleQuery.RATIO.equals(aggregation))
                .map(d -> new Denominator(metricName(d, "metric"), d.labels("labels"))).orElse(null);
        if (divideBy != null && !RuleQuery.RATIO.equals(aggregation)) {
            q.reject("divideBy", "is only used with aggregation 'ratio'");
        }
        return new RuleQuery(metric, labels, aggregation, window, divideBy);
    }

    private static String metricName(JsonFields f, String field) {
        String metric = f.string(field, true, 200);
        if (metric != null && !metric.matches(METRIC)) {
            f.reject(field, "must match " + METRIC);
        }
        return metric;
    }

    private static Condition condition(JsonFields c) {
        Comparator comparator = c.choice("comparator", null, Comparator::fromSymbol, ">, >=, <, <=");
        Double threshold = c.number("threshold", true);
        return comparator == null || threshold == null ? null : new Condition(comparator, threshold);
    }

    private static void checkRecovery(JsonFields f, Condition condition, Recovery recovery) {
        if (condition == null || recovery == null) {
            return;
        }
        boolean wrongSide = condition.comparator().upward() ? recovery.threshold() > condition.threshold()
                : recovery.threshold() < condition.threshold();
        if (wrongSide) {
            f.reject("recovery", "threshold must be on the healthy side of the condition's threshold ("
                    + (condition.comparator().upward() ? "at most " : "at least ") + Numbers.format(condition.threshold())
                    + ")");
        }
    }

    private static Datapoints datapoints(JsonFields d) {
        Integer n = d.integer("n", 1, MAX_DATAPOINTS);
        Integer m = d.integer("m", 1, MAX_DATAPOINTS);
        if (n == null || m == null) {
            return Datapoints.ONE_OF_ONE;
        }
        if (n > m) {
            d.reject("n", "must not be more than m (" + m + ")");
        }
        return new Datapoints(n, m);
    }

    private static Slo slo(JsonFields s) {
        Indicator indicator = s.choice("indicator", null,
                t -> java.util.Arrays.stream(Indicator.values()).filter(i -> i.apiName().equals(t)).findFirst(),
                "availability, error-rate");
        Double objective = s.number("objective", true);
        if (objective != null && (objective <= 0 || objective >= 100)) {
            s.reject("objective", "must be a percentage between 0 and 100 (exclusive), e.g. 99.9");
        }
        Duration period = s.duration("period", Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(366));
        List<BurnRateWindow> burnRates = BurnRates.DEFAULTS;
        JsonNode list = s.raw("burnRates");
        if (list != null && !list.isNull()) {
            burnRates = burnRates(s, list);
        }
        return indicator == null || objective == null ? null : new Slo(indicator, objective, period, burnRates);
    }

    private static List<BurnRateWindow> burnRates(JsonFields s, JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            s.reject("burnRates", "must be a non-empty list of {longWindow, shortWindow, factor, severity}");
            return List.of();
        }
        List<BurnRateWindow> windows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonFields w = s.child(list.get(i), s.pointer("burnRates") + "/" + i);
            Duration longWindow = w.duration("longWindow", null, Duration.ofMinutes(1), MAX_WINDOW);
            Duration shortWindow = w.duration("shortWindow", null, Duration.ofMinutes(1), MAX_WINDOW);
            Double factor = w.number("factor", true);
            Severity severity = w.choice("severity", Severity.HIGH, Severity::fromApiName, "critical, high, medium, low");
            if (factor != null && factor <= 0) {
                w.reject("factor", "must be greater than 0");
            }
            if (longWindow != null && shortWindow != null && shortWindow.compareTo(longWindow) >= 0) {
                w.reject("shortWindow", "must be shorter than longWindow");
            }
            if (longWindow != null && shortWindow != null && factor != null) {
                windows.add(new BurnRateWindow(longWindow, shortWindow, factor, severity));
            }
        }
        return windows;
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}

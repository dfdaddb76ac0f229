package dev.vigil.alerting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.alerting.AlertRule.BurnRateWindow;
import dev.vigil.alerting.AlertRule.RuleQuery;
import dev.vigil.metrics.Aggregation;
import dev.vigil.metrics.WindowQuery;
import dev.vigil.metrics.WindowValue;

/**
 * Which window queries a rule needs and how their answers become {@link Observation}s: one per
 * series for a plain threshold rule, one for a ratio, one per window pair for an SLO rule. Pure: the
 * evaluation cycle asks the metrics module for all plans' queries at once.
 */
final class RulePlan {

    private final AlertRule rule;

    RulePlan(AlertRule rule) {
        this.rule = rule;
    }

    AlertRule rule() {
        return rule;
    }

    Set<WindowQuery> queries() {
        Set<WindowQuery> queries = new LinkedHashSet<>();
        if (rule.isSlo()) {
            for (BurnRateWindow pair : rule.slo().burnRates()) {
                queries.addAll(queriesFor(rule.query().withWindow(pair.longWindow())));
                queries.addAll(queriesFor(rule.query().withWindow(pair.shortWindow())));
            }
        } else {
            queries.addAll(queriesFor(rule.query()));
        }
        return queries;
    }

    List<Observation> observe(Map<WindowQuery, List<WindowValue>> answers) {
        if (rule.isSlo()) {
            List<Observation> observations = new ArrayList<>();
            for (BurnRateWindow pair : rule.slo().burnRates()) {
                double burn = Math.min(BurnRates.burnRate(rule.slo(), combined(rule.query().withWindow(pair.longWindow()), answers)),
                        BurnRates.burnRate(rule.slo(), combined(rule.query().withWindow(pair.shortWindow()), answers)));
                observations.add(new Observation(Map.of(BurnRates.WINDOW_LABEL, BurnRates.label(pair)), burn,
                        pair.severity(), Comparator.GREATER, pair.factor(), null));
            }
            return observations;
        }
        RuleQuery query = rule.query();
        if (query.isRatio()) {
            return List.of(observation(query.labels(), ratio(query, answers)));
        }
        List<WindowValue> values = answers.getOrDefault(plain(query), List.of());
        return values.stream().map(v -> observation(v.labels(), v.value())).toList();
    }

    private Observation observation(Map<String, String> labels, double value) {
        return new Observation(labels, value, rule.severity(), rule.condition().comparator(),
                rule.condition().threshold(), rule.recovery());
    }

    /**
     * One value for a query over all its series: the ratio in percent, or for a plain query the mean of
     * the series' values (an SLO over availability of several series is their average).
     */
    private static double combined(RuleQuery query, Map<WindowQuery, List<WindowValue>> answers) {
        if (query.isRatio()) {
            return ratio(query, answers);
        }
        return answers.getOrDefault(plain(query), List.of()).stream().filter(WindowValue::hasData)
                .mapToDouble(WindowValue::value).average().orElse(Double.NaN);
    }

    /** 100 × Σ numerator ÷ Σ denominator; NaN when either side had no data or the denominator is 0. */
    static double ratio(RuleQuery query, Map<WindowQuery, List<WindowValue>> answers) {
        double top = sum(answers.get(numerator(query)));
        double bottom = sum(answers.get(denominator(query)));
        return Double.isNaN(top) || Double.isNaN(bottom) || bottom == 0 ? Double.NaN : 100.0 * top / bottom;
    }

    private static double sum(List<WindowValue> values) {
        if (values == null || values.stream().noneMatch(WindowValue::hasData)) {
            return Double.NaN;
        }
        return values.stream().filter(WindowValue::hasData).mapToDouble(WindowValue::value).sum();
    }

    private static Collection<WindowQuery> queriesFor(RuleQuery query) {
        return query.isRatio() ? List.of(numerator(query), denominator(query)) : List.of(plain(query));
    }

    static WindowQuery plain(RuleQuery query) {
        return new WindowQuery(query.metric(), query.labels(), Aggregation.fromApiName(query.aggregation()).orElseThrow(),
                query.window());
    }

    private static WindowQuery numerator(RuleQuery query) {
        return new WindowQuery(query.metric(), query.labels(), Aggregation.SUM, query.window());
    }

    private static WindowQuery denominator(RuleQuery query) {
        return new WindowQuery(query.divideBy().metric(), query.divideBy().labels(), Aggregation.SUM, query.window());
    }
}

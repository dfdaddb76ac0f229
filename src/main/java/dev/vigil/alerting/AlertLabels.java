package dev.vigil.alerting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels an alert carries, which silences match and incidents show: {@code alertname},
 * {@code rule}, {@code severity}, the rule's {@code service}, then the rule's own labels, then the
 * series' labels (most specific wins, so a series' {@code service} beats the rule's).
 */
final class AlertLabels {

    static final String SERVICE = "service";

    private AlertLabels() {
    }

    static Map<String, String> of(AlertRule rule, Observation observation) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", rule.name());
        labels.put("rule", rule.id());
        labels.put("severity", observation.severity().apiName());
        if (rule.service() != null) {
            labels.put(SERVICE, rule.service());
        }
        labels.putAll(rule.labels());
        labels.putAll(observation.labels());
        return labels;
    }

    /** One line for an SMS or an incident title: {@code High Response Time: checkout p95 812 > 500}. */
    static String summary(AlertRule rule, Observation observation, AlertEvaluator.Transition transition) {
        StringBuilder text = new StringBuilder(rule.name());
        if (!observation.labels().isEmpty()) {
            text.append(':');
            observation.labels().values().forEach(v -> text.append(' ').append(v));
        }
        return text.append(" — ").append(transition.reason()).toString();
    }
}

package dev.vigil.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * An alert instance started paging: it went FIRING (or NO_DATA under the no-data-alert policy).
 * The incident module opens or joins the incident with this {@code dedupKey}. {@code silencedBy}
 * names the silence that matched: the incident is recorded but nobody is paged.
 *
 * @param value the value that fired it; null when the cause was missing data
 * @param condition what the value broke, e.g. {@code > 500}
 * @param metric the metric the rule watches (the numerator of a ratio), for a chart around the breach
 * @param seriesLabels the labels of the series that breached (empty for a ratio or a rule without data)
 */
public record AlertFired(String dedupKey, String ruleId, String ruleName, String service, Severity severity,
        Map<String, String> labels, AlertState state, Double value, String condition, String summary,
        String runbookUrl, String escalationPolicy, Instant firedAt, String silencedBy, String metric,
        Map<String, String> seriesLabels) {

    public AlertFired {
        labels = Map.copyOf(labels);
        seriesLabels = seriesLabels == null ? Map.of() : Map.copyOf(seriesLabels);
    }
}

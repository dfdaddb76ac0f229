package dev.vigil.incident.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import dev.vigil.base.ui.TimeSeriesChart;
import dev.vigil.base.ui.TimeSeriesChart.Marker;
import dev.vigil.base.ui.TimeSeriesChart.Threshold;
import dev.vigil.incident.Incident;
import dev.vigil.metrics.Aggregation;
import dev.vigil.metrics.MetricQuery;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.QueryResult;

/**
 * The metric that broke, from an hour before the breach to half an hour after it ended (or now), with
 * the threshold and the moment the incident triggered. Only incidents opened by a rule know their series
 * (the {@code chart.*} details); the others have no chart.
 */
class IncidentChart extends Div {

    static final String METRIC = "chart.metric";
    static final String LABEL_PREFIX = "chart.label.";
    private static final Duration BEFORE = Duration.ofHours(1);
    private static final Duration AFTER = Duration.ofMinutes(30);
    /** Enough lines to compare, few enough to read on a phone. */
    private static final int MAX_LINES = 8;
    private static final Pattern CONDITION = Pattern.compile("\\s*(>=|<=|>|<|==|!=)\\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?).*");
    private static final String RED = "#c62828";
    private static final String AMBER = "#b25f00";

    private final MetricsManagement metrics;
    private final TimeSeriesChart chart = new TimeSeriesChart();
    private final Span summary = new Span();

    IncidentChart(MetricsManagement metrics) {
        this.metrics = metrics;
        addClassName("vigil-incident-section");
        setId("incident-chart");
        chart.addClassName("vigil-incident-chart");
        summary.setId("chart-summary");
        summary.addClassName("vigil-hint");
        add(new H3("Metric around the breach"), chart, summary);
    }

    void draw(Incident incident, Instant now) {
        String metric = incident.details().get(METRIC);
        setVisible(metric != null);
        if (metric == null) {
            return;
        }
        Map<String, String> labels = labels(incident.details());
        Instant from = incident.triggeredAt().minus(BEFORE);
        Instant end = incident.resolvedAt() == null ? now : incident.resolvedAt().plus(AFTER);
        Instant to = end.isAfter(now) ? now : end;
        Duration range = Duration.between(from, to);
        QueryResult result;
        try {
            result = metrics.query(new MetricQuery(metric, labels, from, to, step(range), Aggregation.AVG));
        } catch (RuntimeException e) {
            // A chart that cannot be drawn must not take the acknowledge button down with it.
            chart.setVisible(false);
            summary.setText("The metric " + metric + " could not be read: " + e.getMessage());
            return;
        }
        List<TimeSeriesChart.Line> lines = result.series().stream().limit(MAX_LINES)
                .map(s -> new TimeSeriesChart.Line(lineName(s.metric(), s.labels()),
                        s.points().stream().map(p -> new double[] {p.timestamp(), p.value()}).toList()))
                .toList();
        // A ratio rule's condition is in percent of two series and charts only the numerator (no labels):
        // its threshold would be on another scale than the line, so it is left out.
        Double threshold = labels.isEmpty() ? null : threshold(incident.details().get("condition"));
        List<Threshold> thresholds = threshold == null ? List.of()
                : List.of(new Threshold("threshold " + incident.details().get("condition").strip(), threshold, RED));
        chart.show(lines, thresholds, List.of(new Marker("triggered", incident.triggeredAt(), AMBER)), null, from, to);
        chart.setVisible(!lines.isEmpty());
        summary.setText(lines.isEmpty() ? "No samples of " + metric + " around the breach."
                : legend(metric, labels) + ", average per " + IncidentTexts.span(step(range)) + ".");
    }

    /** About a hundred to a few hundred points whatever the range. */
    static Duration step(Duration range) {
        if (range.compareTo(Duration.ofHours(2)) <= 0) {
            return Duration.ofSeconds(10);
        }
        if (range.compareTo(Duration.ofHours(12)) <= 0) {
            return Duration.ofMinutes(1);
        }
        return range.compareTo(Duration.ofDays(3)) <= 0 ? Duration.ofMinutes(10) : Duration.ofHours(1);
    }

    static Map<String, String> labels(Map<String, String> details) {
        return details.entrySet().stream().filter(e -> e.getKey().startsWith(LABEL_PREFIX))
                .collect(Collectors.toMap(e -> e.getKey().substring(LABEL_PREFIX.length()), Map.Entry::getValue,
                        (a, b) -> b, TreeMap::new));
    }

    /** "> 500" → 500; null for anything else (an event's free text). */
    static Double threshold(String condition) {
        if (condition == null) {
            return null;
        }
        Matcher m = CONDITION.matcher(condition);
        try {
            return m.matches() ? Double.valueOf(m.group(2)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The label values alone ("checkout · p95"): the heading and summary name the metric, a phone is narrow. */
    private static String lineName(String metric, Map<String, String> labels) {
        return labels.isEmpty() ? metric : String.join(" · ", new TreeMap<>(labels).values());
    }

    private static String legend(String metric, Map<String, String> labels) {
        return labels.isEmpty() ? metric : metric + "{" + new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + "}";
    }
}

package dev.vigil.alerting.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import dev.vigil.base.ui.TimeSeriesChart;
import dev.vigil.base.ui.TimeSeriesChart.Threshold;
import dev.vigil.metrics.QueryResult;

/** The rule's metric over a recent range, as the rule aggregates it, against its thresholds. */
class RulePreview extends VerticalLayout {

    private static final Map<Duration, String> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put(Duration.ofHours(1), "Last hour");
        RANGES.put(Duration.ofHours(6), "Last 6 hours");
        RANGES.put(Duration.ofDays(1), "Last 24 hours");
        RANGES.put(Duration.ofDays(7), "Last 7 days");
    }

    private static final String RED = "#c62828";
    private static final String GREEN = "#2e7d32";

    private final TimeSeriesChart chart = new TimeSeriesChart();
    private final Span summary = new Span("Press Preview to chart the rule's metric against its threshold.");
    private final Select<Duration> range = new Select<>();

    /** @param redraw what to do when someone picks another range */
    RulePreview(Runnable redraw) {
        setPadding(false);
        setId("preview");
        summary.setId("preview-summary");
        summary.addClassName("vigil-hint");
        chart.setVisible(false);
        range.setId("preview-range");
        range.setItems(RANGES.keySet());
        range.setItemLabelGenerator(RANGES::get);
        range.setValue(Duration.ofHours(6));
        range.addValueChangeListener(e -> redraw.run());
        range.setAriaLabel("Preview range");
        HorizontalLayout heading = new HorizontalLayout(new H3("Preview"), range);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading, chart, summary);
    }

    Duration range() {
        return range.getValue();
    }

    /**
     * @param ratio whether values are percentages
     * @param comparator the condition's comparator, to say which side of the line breaches
     */
    void show(QueryResult result, Instant to, boolean ratio, String comparator, Double threshold, Double recovery,
            Double objective) {
        List<TimeSeriesChart.Line> lines = result.series().stream()
                .map(s -> new TimeSeriesChart.Line(s.labels().isEmpty() ? s.metric() : AlertTexts.labels(s.labels()),
                        s.points().stream().map(p -> new double[] {p.timestamp(), p.value()}).toList()))
                .toList();
        List<Threshold> thresholds = new ArrayList<>();
        if (threshold != null) {
            thresholds.add(new Threshold("threshold " + comparator + " " + AlertTexts.number(threshold), threshold, RED));
        }
        if (recovery != null) {
            thresholds.add(new Threshold("recovery " + AlertTexts.number(recovery), recovery, GREEN));
        }
        if (objective != null) {
            thresholds.add(new Threshold("objective " + AlertTexts.number(objective) + " %", objective, RED));
        }
        chart.show(lines, thresholds, ratio ? "%" : null, to.minus(range()), to);
        chart.setVisible(true);
        summary.setText(result.series().isEmpty() ? "No data for this query in this range."
                : lines.size() + " series, aggregated as the rule does, from " + switch (result.resolution()) {
                    case RAW -> "raw samples";
                    case ONE_MINUTE -> "1-minute rollups";
                    case ONE_HOUR -> "1-hour rollups";
                } + ".");
    }
}

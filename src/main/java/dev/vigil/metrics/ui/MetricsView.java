package dev.vigil.metrics.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.ui.TimeSeriesChart;
import dev.vigil.metrics.Aggregation;
import dev.vigil.metrics.MetricQuery;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.MetricsManagement.SeriesInfo;
import dev.vigil.metrics.QueryResult;

/** The metrics explorer: pick a metric, labels, aggregation and range; browse every series lazily. */
@Route("metrics")
@PageTitle("Metrics · Vigil")
@PermitAll
class MetricsView extends VerticalLayout {

    /** Range choices and the step that gives each about a hundred points. */
    private static final Map<String, Duration[]> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put("Last 15 minutes", new Duration[] {Duration.ofMinutes(15), Duration.ofSeconds(10)});
        RANGES.put("Last hour", new Duration[] {Duration.ofHours(1), Duration.ofSeconds(30)});
        RANGES.put("Last 6 hours", new Duration[] {Duration.ofHours(6), Duration.ofMinutes(3)});
        RANGES.put("Last 24 hours", new Duration[] {Duration.ofDays(1), Duration.ofMinutes(10)});
        RANGES.put("Last 7 days", new Duration[] {Duration.ofDays(7), Duration.ofHours(1)});
        RANGES.put("Last 30 days", new Duration[] {Duration.ofDays(30), Duration.ofHours(6)});
    }

    private final MetricsManagement metrics;
    private final ComboBox<String> metric = new ComboBox<>("Metric");
    private final MultiSelectComboBox<String> labels = new MultiSelectComboBox<>("Labels");
    private final Select<Aggregation> aggregation = new Select<>();
    private final Select<String> range = new Select<>();
    private final TimeSeriesChart chart = new TimeSeriesChart();
    private final Span resolution = new Span();

    MetricsView(MetricsManagement metrics) {
        this.metrics = metrics;
        addClassName("vigil-view");
        add(new H2("Metrics"));

        metric.setItems(metrics.metricNames());
        metric.setId("metric");
        metric.setWidth("18rem");
        labels.setId("labels");
        labels.setWidth("18rem");
        aggregation.setLabel("Aggregation");
        aggregation.setItems(Aggregation.values());
        aggregation.setItemLabelGenerator(Aggregation::apiName);
        aggregation.setValue(Aggregation.AVG);
        range.setLabel("Range");
        range.setItems(RANGES.keySet());
        range.setValue("Last hour");
        metric.addValueChangeListener(e -> {
            labels.clear();
            labels.setItems(labelChoices(e.getValue()));
            draw();
        });
        labels.addValueChangeListener(e -> draw());
        aggregation.addValueChangeListener(e -> draw());
        range.addValueChangeListener(e -> draw());

        FlexLayout controls = new FlexLayout(metric, labels, aggregation, range);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.getStyle().set("gap", "var(--lumo-space-m)");
        resolution.addClassName("vigil-hint");
        add(controls, chart, resolution, new H3("All series"), seriesBrowser());
        metrics.metricNames().stream().filter("api.response_time_ms"::equals).findFirst().ifPresent(metric::setValue);
    }

    private Set<String> labelChoices(String metricName) {
        if (metricName == null) {
            return Set.of();
        }
        return metrics.seriesPage(metricName, 0, 500).stream().filter(s -> s.metric().equals(metricName))
                .flatMap(s -> s.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void draw() {
        if (metric.getValue() == null) {
            return;
        }
        Duration[] choice = RANGES.get(range.getValue());
        Instant to = Instant.now();
        Map<String, String> matchers = labels.getValue().stream().map(l -> l.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> b));
        QueryResult result = metrics.query(new MetricQuery(metric.getValue(), matchers, to.minus(choice[0]), to,
                choice[1], aggregation.getValue()));
        chart.show(result.series().stream()
                .map(s -> new TimeSeriesChart.Line(legend(s.labels()),
                        s.points().stream().map(p -> new double[] {p.timestamp(), p.value()}).toList()))
                .toList(), null, null);
        resolution.setText(result.series().isEmpty() ? "No data in this range."
                : "Computed from " + switch (result.resolution()) {
                    case RAW -> "raw samples";
                    case ONE_MINUTE -> "1-minute rollups";
                    case ONE_HOUR -> "1-hour rollups";
                } + ", step " + choice[1].toString().substring(2).toLowerCase() + ".");
    }

    private static String legend(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private VerticalLayout seriesBrowser() {
        TextField filter = new TextField();
        filter.setPlaceholder("Metric name starts with…");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        Grid<SeriesInfo> grid = new Grid<>();
        grid.setId("series");
        grid.addColumn(SeriesInfo::metric).setHeader("Metric").setAutoWidth(true);
        grid.addColumn(s -> legend(s.labels())).setHeader("Labels");
        grid.setItems(query -> metrics.seriesPage(filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) metrics.seriesCount(filter.getValue()));
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addItemClickListener(e -> {
            metric.setValue(e.getItem().metric());
            labels.setValue(e.getItem().labels().entrySet().stream().map(l -> l.getKey() + "=" + l.getValue())
                    .collect(Collectors.toSet()));
        });
        grid.setHeight("20rem");
        VerticalLayout browser = new VerticalLayout(filter, grid);
        browser.setPadding(false);
        return browser;
    }
}

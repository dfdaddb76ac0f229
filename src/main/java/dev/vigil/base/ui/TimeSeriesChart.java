package dev.vigil.base.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;

import tools.jackson.databind.json.JsonMapper;

/**
 * A time-series line chart drawn by ECharts, loaded from its WebJar (no Vaadin bundle rebuild). Every
 * view that charts a metric uses this one component; an optional threshold draws as a dashed line.
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
public class TimeSeriesChart extends Div {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private String option = "{}";

    /** One line: a name and its points as [epoch millis, value]. */
    public record Line(String name, List<double[]> points) {
    }

    /** A horizontal reference line (a threshold, an objective) drawn across the whole range. */
    public record Threshold(String name, double value, String color) {
    }

    /** A vertical line at one moment (when an incident triggered), labelled on the chart. */
    public record Marker(String name, Instant at, String color) {
    }

    public TimeSeriesChart() {
        addClassName("vigil-chart");
        setWidthFull();
        setHeight("320px");
    }

    /** Draws the lines, and a horizontal threshold if {@code threshold} is not null. */
    public void show(List<Line> lines, Double threshold, String unit) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", line.name());
            s.put("type", "line");
            s.put("showSymbol", false);
            s.put("data", line.points());
            if (i == 0 && threshold != null) {
                s.put("markLine", Map.of("symbol", "none", "lineStyle", Map.of("type", "dashed", "color", "#c62828"),
                        "data", List.of(Map.of("yAxis", threshold, "name", "threshold"))));
            }
            series.add(s);
        }
        draw(series, unit, Map.of("type", "time"));
    }

    /**
     * Draws the lines over exactly {@code from}–{@code to}, with each threshold as a flat dashed series:
     * unlike a mark line, a series widens the value axis, so a threshold far above the data stays visible.
     */
    public void show(List<Line> lines, List<Threshold> thresholds, String unit, Instant from, Instant to) {
        show(lines, thresholds, List.of(), unit, from, to);
    }

    /** As above, plus a vertical line for each marker (carried by an empty series, so it has its own colour). */
    public void show(List<Line> lines, List<Threshold> thresholds, List<Marker> markers, String unit, Instant from,
            Instant to) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Line line : lines) {
            series.add(Map.of("name", line.name(), "type", "line", "showSymbol", false, "data", line.points()));
        }
        for (Threshold t : thresholds) {
            series.add(Map.of("name", t.name(), "type", "line", "showSymbol", false, "silent", true,
                    "lineStyle", Map.of("type", "dashed", "color", t.color()), "itemStyle", Map.of("color", t.color()),
                    "data", List.of(new double[] {from.toEpochMilli(), t.value()},
                            new double[] {to.toEpochMilli(), t.value()})));
        }
        for (Marker m : markers) {
            series.add(Map.of("name", m.name(), "type", "line", "data", List.of(), "silent", true,
                    "itemStyle", Map.of("color", m.color()),
                    "markLine", Map.of("symbol", "none", "silent", true,
                            "lineStyle", Map.of("type", "solid", "color", m.color()),
                            "label", Map.of("formatter", m.name(), "position", "insideEndTop"),
                            "data", List.of(Map.of("xAxis", m.at().toEpochMilli())))));
        }
        draw(series, unit, Map.of("type", "time", "min", from.toEpochMilli(), "max", to.toEpochMilli()));
    }

    private void draw(List<Map<String, Object>> series, String unit, Map<String, Object> xAxis) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("animation", false);
        chart.put("tooltip", Map.of("trigger", "axis"));
        chart.put("legend", Map.of("type", "scroll", "bottom", 0));
        chart.put("grid", Map.of("left", 50, "right", 20, "top", 20, "bottom", 50, "containLabel", true));
        chart.put("xAxis", xAxis);
        chart.put("yAxis", Map.of("type", "value", "name", unit == null ? "" : unit, "scale", true));
        chart.put("series", series);
        option = JSON.writeValueAsString(chart);
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        render();
    }

    private void render() {
        getElement().executeJs("""
                const el = this;
                const draw = () => {
                  if (!window.echarts) { setTimeout(draw, 50); return; }
                  const chart = echarts.getInstanceByDom(el) || echarts.init(el);
                  chart.setOption(JSON.parse($0), true);
                  if (!el.vigilResize) {
                    // Drawn before layout settles, the chart would keep a zero width: follow the element.
                    el.vigilResize = new ResizeObserver(() => chart.resize());
                    el.vigilResize.observe(el);
                  }
                  requestAnimationFrame(() => chart.resize());
                };
                draw();""", option);
    }
}

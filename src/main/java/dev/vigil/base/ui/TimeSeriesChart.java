package dev.vigil.base.ui;

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
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("animation", false);
        chart.put("tooltip", Map.of("trigger", "axis"));
        chart.put("legend", Map.of("type", "scroll", "bottom", 0));
        chart.put("grid", Map.of("left", 50, "right", 20, "top", 20, "bottom", 50, "containLabel", true));
        chart.put("xAxis", Map.of("type", "time"));
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

package dev.vigil.reporting.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.vaadin.flow.component.Html;

/**
 * A sparkline as inline SVG drawn on the server: no chart library to load, nothing to lay out, scales to
 * the tile's width on any screen. Minutes without data break the line.
 */
final class Sparkline {

    static final int WIDTH = 120;
    static final int HEIGHT = 28;

    private Sparkline() {
    }

    static Html of(List<Double> values, String label) {
        return new Html(svg(values, label));
    }

    static String svg(List<Double> values, String label) {
        StringBuilder svg = new StringBuilder("<svg class=\"vigil-sparkline\" style=\"display:block;width:100%;height:28px\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"" + escape(label) + "\">");
        List<Double> present = values.stream().filter(Objects::nonNull).toList();
        if (present.size() >= 2) {
            double min = present.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = present.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double span = max - min == 0 ? 1 : max - min;
            double dx = values.size() <= 1 ? 0 : (double) WIDTH / (values.size() - 1);
            StringBuilder path = new StringBuilder();
            boolean penDown = false;
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                if (v == null) {
                    penDown = false;
                    continue;
                }
                double y = HEIGHT - 2 - (v - min) / span * (HEIGHT - 4);
                path.append(penDown ? " L" : " M").append(format(i * dx)).append(' ').append(format(y));
                penDown = true;
            }
            svg.append("<path d=\"").append(path.toString().strip())
                    .append("\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\""
                            + " vector-effect=\"non-scaling-stroke\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}

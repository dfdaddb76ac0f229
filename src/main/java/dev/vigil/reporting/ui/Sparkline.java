package dev.vigil.reporting.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.html.Image;

/**
 * A sparkline as an SVG image drawn on the server: no chart library to load, nothing to lay out, scales to
 * the tile's width on any screen. Minutes without data break the line. An {@code <img>} with a data URL
 * rather than inline markup: Vaadin's {@code Html} creates its root in the HTML namespace, where an
 * {@code <svg>} keeps its intrinsic size whatever the stylesheet says.
 */
final class Sparkline {

    static final int WIDTH = 120;
    static final int HEIGHT = 28;

    private Sparkline() {
    }

    /** A mid blue that reads on light and dark backgrounds (an image cannot inherit the text colour). */
    static final String STROKE = "#3d8fe8";

    static Image of(List<Double> values, String label) {
        Image image = new Image("data:image/svg+xml;charset=utf-8,"
                + URLEncoder.encode(svg(values, label), StandardCharsets.UTF_8).replace("+", "%20"), label);
        image.addClassName("vigil-sparkline");
        return image;
    }

    static String svg(List<Double> values, String label) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
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
                    .append("\" fill=\"none\" stroke=\"" + STROKE + "\" stroke-width=\"1.5\""
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

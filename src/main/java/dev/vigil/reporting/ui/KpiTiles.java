package dev.vigil.reporting.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import dev.vigil.reporting.StatusBoard.Kpi;
import dev.vigil.reporting.StatusBoard.ServiceStatus;
import dev.vigil.reporting.StatusBoard.Tile;

/** A service's four KPI tiles: value now, target, budget use and the last hour as a sparkline. */
final class KpiTiles {

    private KpiTiles() {
    }

    static Div service(ServiceStatus status) {
        Div section = new Div();
        section.addClassName("vigil-service-status");
        section.setId("service-" + status.service());
        H3 name = new H3(status.service());
        Span badge = DashboardBadges.level(status.status());
        Div heading = new Div(name, badge);
        heading.addClassName("vigil-service-heading");
        if (!status.hasTargets()) {
            Span hint = new Span("No targets set: KPIs are shown, not judged.");
            hint.addClassName("vigil-hint");
            heading.add(hint);
        }
        Div tiles = new Div();
        tiles.addClassName("vigil-kpi-tiles");
        status.tiles().forEach(t -> tiles.add(tile(t)));
        section.add(heading, tiles);
        return section;
    }

    static Div tile(Tile tile) {
        Div card = new Div();
        card.addClassNames("vigil-kpi", "vigil-kpi-" + tile.status().name().toLowerCase(Locale.ROOT));
        card.getElement().setAttribute("data-kpi", tile.kpi().name());
        Span label = new Span(tile.kpi().label());
        label.addClassName("vigil-kpi-label");
        Span value = new Span(tile.value() == null ? "–" : value(tile.kpi(), tile.value()));
        value.addClassName("vigil-kpi-value");
        Span target = new Span(target(tile));
        target.addClassName("vigil-kpi-target");
        card.add(label, value, target);
        if (tile.budgetUsePct() != null) {
            Span budget = new Span(budget(tile));
            budget.addClassName("vigil-kpi-budget");
            Div bar = new Div();
            bar.addClassName("vigil-kpi-bar");
            Div fill = new Div();
            fill.getStyle().setWidth(Math.min(100, Math.max(0, tile.budgetUsePct())) + "%");
            bar.add(fill);
            card.add(budget, bar);
        }
        card.add(Sparkline.of(tile.sparkline(), tile.kpi().label() + ", last hour"));
        card.getElement().setAttribute("title", tile.status().label() + ": " + tile.reason());
        return card;
    }

    /** Availability's budget is a pace (the SLO's burn rate, 1× = on budget); the others are a share. */
    static String budget(Tile tile) {
        if (tile.kpi() == Kpi.AVAILABILITY) {
            return String.format(Locale.ROOT, "error budget burn %.1f× %s", tile.budgetUsePct() / 100, tile.budgetLabel());
        }
        return String.format(Locale.ROOT, "%.0f %% %s", tile.budgetUsePct(), tile.budgetLabel());
    }

    static String value(Kpi kpi, double v) {
        return switch (kpi) {
            case RESPONSE_TIME -> String.format(Locale.ROOT, "%.0f ms", v);
            case AVAILABILITY -> String.format(Locale.ROOT, "%.2f %%", v);
            case ERROR_RATE -> String.format(Locale.ROOT, v < 10 ? "%.2f %%" : "%.1f %%", v);
            case THROUGHPUT -> String.format(Locale.ROOT, v < 10 ? "%.1f req/s" : "%.0f req/s", v);
        };
    }

    private static String target(Tile tile) {
        if (tile.target() == null) {
            return tile.reason();
        }
        String bound = switch (tile.kpi()) {
            case AVAILABILITY -> "target ≥ ";
            case THROUGHPUT -> "capacity ";
            default -> "target ≤ ";
        };
        return bound + value(tile.kpi(), tile.target());
    }
}

package dev.vigil.reporting.ui;

import com.vaadin.flow.component.html.Span;

import dev.vigil.reporting.StatusLevel;

/** Lumo badges for status levels (the pre-built bundle styles {@code theme="badge ..."} spans). */
final class DashboardBadges {

    private DashboardBadges() {
    }

    static Span level(StatusLevel level) {
        String theme = switch (level) {
            case GOOD -> "success";
            case DEGRADED -> "warning";
            case CRITICAL -> "error primary";
            case UNKNOWN -> "contrast";
        };
        return badge(level.label(), theme);
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().setAttribute("theme", "badge " + theme);
        badge.addClassName("vigil-badge");
        return badge;
    }
}

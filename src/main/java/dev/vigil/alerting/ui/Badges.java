package dev.vigil.alerting.ui;

import com.vaadin.flow.component.html.Span;

import dev.vigil.alerting.AlertState;
import dev.vigil.alerting.Severity;
import dev.vigil.alerting.Silence;

/** Lumo badges (plain spans with a theme, so the pre-built client bundle styles them) for alert states. */
final class Badges {

    private Badges() {
    }

    static Span state(AlertState state) {
        return switch (state) {
            case OK -> badge("OK", "success");
            case PENDING -> badge("Pending", "warning");
            case FIRING -> badge("Firing", "error primary");
            case NO_DATA -> badge("No data", "contrast");
        };
    }

    static Span severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> badge("critical", "error small");
            case HIGH -> badge("high", "warning small");
            case MEDIUM -> badge("medium", "small");
            case LOW -> badge("low", "contrast small");
        };
    }

    static Span silence(Silence.Status status) {
        return switch (status) {
            case ACTIVE -> badge("Active", "primary");
            case PENDING -> badge("Scheduled", "");
            case EXPIRED -> badge("Expired", "contrast");
        };
    }

    static Span badge(String text, String variants) {
        Span badge = new Span(text);
        badge.getElement().setAttribute("theme", ("badge " + variants).strip());
        badge.addClassName("vigil-badge");
        return badge;
    }
}

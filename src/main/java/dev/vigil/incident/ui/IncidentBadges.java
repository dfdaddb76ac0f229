package dev.vigil.incident.ui;

import com.vaadin.flow.component.html.Span;

import dev.vigil.alerting.Severity;
import dev.vigil.incident.IncidentStatus;

/**
 * Lumo badges for incident status and severity: spans with a theme attribute, which the pre-built client
 * bundle already styles. An open incident is loud (filled), a closed one quiet.
 */
final class IncidentBadges {

    private IncidentBadges() {
    }

    static Span status(IncidentStatus status) {
        String theme = switch (status) {
            case TRIGGERED -> "error primary";
            case ACKNOWLEDGED -> "warning";
            case RESOLVED -> "success";
            case CLOSED -> "contrast";
        };
        Span badge = badge(status.name(), theme);
        badge.addClassName("vigil-incident-status");
        return badge;
    }

    static Span severity(Severity severity) {
        String theme = switch (severity) {
            case CRITICAL -> "error";
            case HIGH -> "warning";
            case MEDIUM -> "";
            case LOW -> "contrast";
        };
        return badge(severity.apiName(), theme + " small");
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().setAttribute("theme", "badge " + theme.strip());
        badge.addClassName("vigil-badge");
        return badge;
    }
}

package dev.vigil.incident.ui;

import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentStatus;

/**
 * The top of an incident: id, badges, title, the facts a responder checks first, a silence if one
 * swallowed the page, the runbook, and the two buttons that matter at 3 a.m., big enough for a thumb.
 */
class IncidentHeader extends Div {

    private final Span number = new Span();
    private final Div badges = new Div();
    private final H2 title = new H2();
    private final Div silenced = new Div();
    private final Div facts = new Div();
    private final Div runbook = new Div();
    private final Button acknowledge;
    private final Button resolve;

    IncidentHeader(Runnable onAcknowledge, Runnable onResolve) {
        addClassName("vigil-incident-header");
        number.setId("incident-id");
        number.addClassName("vigil-incident-number");
        badges.addClassName("vigil-incident-badges");
        title.setId("incident-title");
        silenced.setId("incident-silenced");
        silenced.addClassName("vigil-incident-silenced");
        facts.setId("incident-facts");
        facts.addClassName("vigil-facts");
        runbook.addClassName("vigil-incident-runbook");
        acknowledge = new Button("Acknowledge", VaadinIcon.HAND.create(), e -> onAcknowledge.run());
        acknowledge.setId("acknowledge");
        acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        acknowledge.setDisableOnClick(true);
        resolve = new Button("Resolve", VaadinIcon.CHECK.create(), e -> onResolve.run());
        resolve.setId("resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_LARGE);
        resolve.setDisableOnClick(true);
        Div heading = new Div(number, badges);
        heading.addClassName("vigil-incident-heading");
        Div actions = new Div(acknowledge, resolve);
        actions.addClassName("vigil-incident-actions");
        add(heading, title, silenced, actions, runbook, facts);
    }

    void show(Incident incident, Instant now) {
        number.setText(incident.id());
        badges.removeAll();
        badges.add(IncidentBadges.status(incident.status()), IncidentBadges.severity(incident.severity()));
        title.setText(incident.title());
        silenced.setVisible(incident.silencedBy() != null);
        silenced.setText("Silenced by " + incident.silencedBy() + ": nobody was paged.");
        acknowledge.setEnabled(incident.status() == IncidentStatus.TRIGGERED);
        resolve.setEnabled(incident.status().open());
        showRunbook(incident.runbookUrl());
        showFacts(incident, now);
    }

    private void showRunbook(String url) {
        runbook.removeAll();
        if (url == null || url.isBlank()) {
            Span none = new Span("No runbook is linked to this incident.");
            none.addClassName("vigil-hint");
            runbook.add(none);
            return;
        }
        Button open = new Button("Open runbook", VaadinIcon.BOOK.create());
        open.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_CONTRAST);
        // Keyboard focus belongs to the link, not to a button inside it.
        open.setTabIndex(-1);
        Anchor link = new Anchor(url, open);
        link.setTarget(AnchorTarget.BLANK);
        link.setId("runbook");
        link.getElement().setAttribute("rel", "noopener noreferrer");
        runbook.add(link);
    }

    private void showFacts(Incident incident, Instant now) {
        facts.removeAll();
        fact("Service", IncidentTexts.orDash(incident.service()));
        fact("Source", incident.source().apiName());
        fact("Triggered", IncidentTexts.when(incident.triggeredAt(), now));
        if (incident.acknowledgedAt() != null) {
            fact("Acknowledged", IncidentTexts.when(incident.acknowledgedAt(), now) + ", after "
                    + IncidentTexts.acknowledgedAfter(incident));
        }
        if (incident.resolvedAt() != null) {
            fact("Resolved", IncidentTexts.when(incident.resolvedAt(), now) + ", after "
                    + IncidentTexts.span(Duration.between(incident.triggeredAt(), incident.resolvedAt())));
        }
        if (incident.closedAt() != null) {
            fact("Closed", IncidentTexts.when(incident.closedAt(), now));
        }
        fact("Assignee", IncidentTexts.orDash(incident.assignee()));
        fact("Escalation", IncidentTexts.level(incident)
                + (incident.escalationPolicy() == null ? "" : " of " + incident.escalationPolicy()));
        fact("Alerts", String.valueOf(incident.alertCount()));
    }

    private void fact(String label, String value) {
        Span name = new Span(label);
        name.addClassName("vigil-fact-label");
        Component text = new Span(value);
        Div fact = new Div(name, text);
        fact.addClassName("vigil-fact");
        fact.setId("fact-" + label.toLowerCase());
        facts.add(fact);
    }
}

package dev.vigil.incident.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.NotFoundException;
import dev.vigil.base.ui.LiveRefresh;
import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentDetails;
import dev.vigil.incident.IncidentManagement;
import dev.vigil.incident.IncidentStatus;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.notification.NotificationManagement;

/**
 * One incident, built for the responder's phone: what broke and since when, the runbook, big
 * acknowledge and resolve buttons, the metric around the breach, the timeline, the root-cause analysis
 * once resolved, who was notified and where the process stands. It follows changes made elsewhere
 * (an escalation, a colleague acknowledging) by polling, without disturbing an RCA being written.
 */
@Route("incidents")
@PermitAll
class IncidentView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** An open incident's chart reaches up to now; redrawing it more often than this only flickers. */
    private static final Duration CHART_REFRESH = Duration.ofMinutes(1);

    private final IncidentManagement incidents;
    private final Clock clock;
    private final IncidentHeader header = new IncidentHeader(this::acknowledge, this::resolve);
    private final IncidentChart chart;
    private final RcaForm rca;
    private final IncidentTimeline timeline = new IncidentTimeline();
    private final NotificationList notifications;
    private final ProcessDiagram diagram = new ProcessDiagram();
    private String title = "Incident · Vigil";
    private IncidentDetails shown;
    private Instant chartDrawnAt = Instant.MIN;

    IncidentView(IncidentManagement incidents, MetricsManagement metrics, NotificationManagement notificationManagement,
            Clock clock) {
        this.incidents = incidents;
        this.notifications = new NotificationList(id -> {
            try {
                notificationManagement.retry(id);
                Toasts.done("Notification " + id + " queued again.");
            } catch (RuntimeException e) {
                Toasts.refused(e instanceof org.springframework.security.access.AccessDeniedException
                        ? "You need the responder role to retry." : e.getMessage());
            }
            refresh();
        });
        this.clock = clock;
        this.chart = new IncidentChart(metrics);
        this.rca = new RcaForm(this::saveRca);
        addClassName("vigil-view");
        addClassName("vigil-incident");
        LiveRefresh.every(IncidentsView.REFRESH_MILLIS, this, this::refresh);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        // The router reuses this view from one incident to the next: start afresh.
        removeAll();
        shown = null;
        IncidentDetails details;
        try {
            details = incidents.incident(id);
        } catch (NotFoundException e) {
            notFound(e.getMessage());
            return;
        }
        add(new RouterLink("← All incidents", IncidentsView.class), header, rca, chart, timeline, notifications,
                diagram);
        rca.clearEdits();
        show(details);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void notFound(String message) {
        title = "Not found · Vigil";
        H2 heading = new H2(message);
        heading.setId("incident-not-found");
        Paragraph hint = new Paragraph("It may have been mistyped, or belong to another Vigil installation.");
        hint.addClassName("vigil-hint");
        add(new RouterLink("← All incidents", IncidentsView.class), heading, hint);
    }

    /** Shows the incident; the costly parts (chart query, diagram rendering) only when they can differ. */
    private void show(IncidentDetails details) {
        Incident incident = details.incident();
        Instant now = clock.instant();
        IncidentDetails before = shown;
        shown = details;
        title = incident.id() + " " + incident.title() + " · Vigil";
        header.show(incident, now);
        rca.show(details, now);
        timeline.show(details.timeline(), now);
        notifications.show(details.notifications(), now);
        boolean moved = before == null || !processStep(before.incident()).equals(processStep(incident))
                || (before.rca() == null) != (details.rca() == null);
        if (moved || (incident.status().open() && now.isAfter(chartDrawnAt.plus(CHART_REFRESH)))) {
            chart.draw(incident, now);
            chartDrawnAt = now;
        }
        if (moved) {
            diagram.show(incident.id(), incidents.processDiagram(incident.id()));
        }
    }

    /** What moves the highlighted step (together with an RCA being written): status and escalation level. */
    private static String processStep(Incident incident) {
        return incident.status() + "/" + incident.escalationLevel() + "/" + incident.resolvedAt();
    }

    /** Re-reads the incident; a poll that finds nothing new changes nothing on screen but the clocks. */
    void refresh() {
        if (shown == null) {
            return;
        }
        try {
            show(incidents.incident(shown.incident().id()));
        } catch (NotFoundException e) {
            removeAll();
            shown = null;
            notFound(e.getMessage());
        }
    }

    private void acknowledge() {
        String id = shown.incident().id();
        Toasts.attempt(() -> incidents.acknowledge(id)).ifPresent(i -> Toasts.done(i.id() + " acknowledged"));
        refresh();
    }

    private void resolve() {
        String id = shown.incident().id();
        Toasts.attempt(() -> incidents.resolve(id))
                .ifPresent(i -> Toasts.done(i.id() + " resolved. The root-cause analysis is due within 24 hours."));
        refresh();
    }

    /** @return whether the RCA was saved (the form keeps the edits otherwise) */
    private boolean saveRca(RcaForm.Draft draft) {
        String id = shown.incident().id();
        boolean saved = Toasts.attempt(() -> incidents.saveRca(id, draft.rootCause(), draft.contributingFactors(),
                draft.measures())).map(i -> {
                    Toasts.done(i.status() == IncidentStatus.CLOSED ? "RCA saved; " + i.id() + " is closed"
                            : "RCA saved");
                    return true;
                }).orElse(false);
        refresh();
        return saved;
    }
}

package dev.vigil.reporting.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;

import dev.vigil.alerting.AlertingManagement;
import dev.vigil.alerting.RuleStatus;
import dev.vigil.base.scheduling.SchedulerHeartbeats;
import dev.vigil.incident.IncidentFilter;
import dev.vigil.incident.IncidentManagement;
import dev.vigil.incident.IncidentStatus;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.reporting.ReportingManagement;
import dev.vigil.reporting.StatusBoard;
import dev.vigil.reporting.StatusBoard.ServiceStatus;
import dev.vigil.reporting.StatusBoard.Tile;
import dev.vigil.reporting.StatusLevel;

/**
 * The status dashboard (spec.md): overall status from the targets, each service's KPI tiles, open
 * incidents, firing alerts, who is on call and the engine's own health, kept current by server push.
 */
@Route("")
@PageTitle("Dashboard · Vigil")
@PermitAll
class DashboardView extends VerticalLayout {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ReportingManagement reporting;
    private final IncidentManagement incidents;
    private final AlertingManagement alerting;
    private final OnCallManagement oncall;
    private final SchedulerHeartbeats heartbeats;
    private final Clock clock;
    private final Div overall = new Div();
    private final Div services = new Div();
    private final Div lists = new Div();
    private Registration push;

    DashboardView(ReportingManagement reporting, IncidentManagement incidents, AlertingManagement alerting,
            OnCallManagement oncall, SchedulerHeartbeats heartbeats, DashboardPush livePush, Clock clock) {
        this.reporting = reporting;
        this.incidents = incidents;
        this.alerting = alerting;
        this.oncall = oncall;
        this.heartbeats = heartbeats;
        this.clock = clock;
        addClassNames("vigil-view", "vigil-dashboard");
        overall.setId("overall-status");
        services.setId("services");
        services.addClassName("vigil-services");
        lists.addClassName("vigil-dash-lists");
        add(new H2("Status"), overall, lists, services);
        refresh();
        addAttachListener(e -> push = livePush.watch(e.getUI(), this::refresh));
        addDetachListener(e -> {
            if (push != null) {
                push.remove();
            }
        });
    }

    void refresh() {
        Instant now = clock.instant();
        StatusBoard board = reporting.statusBoard();
        showOverall(board);
        services.removeAll();
        board.services().forEach(s -> services.add(KpiTiles.service(s)));
        if (board.services().isEmpty()) {
            services.add(DashboardLists.hint("No service sends API metrics yet and none has targets."));
        }
        IncidentFilter open = new IncidentFilter(EnumSet.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED),
                null, null, null);
        List<RuleStatus> firing = alerting.ruleStatuses().stream().filter(r -> r.firingCount() > 0)
                .sorted(Comparator.comparing((RuleStatus r) -> r.rule().severity()).thenComparing(r -> r.rule().name()))
                .toList();
        lists.removeAll();
        lists.add(DashboardLists.incidents(incidents.incidents(open, 0, DashboardLists.SHOWN), incidents.count(open),
                now), DashboardLists.alerts(firing), DashboardLists.onCall(oncall.onCall(now)), engine(now));
    }

    private void showOverall(StatusBoard board) {
        overall.removeAll();
        overall.setClassName("vigil-overall vigil-overall-" + board.overall().name().toLowerCase(Locale.ROOT));
        overall.getElement().setAttribute("data-status", board.overall().name());
        Span level = new Span(board.overall() == StatusLevel.UNKNOWN ? "No data" : board.overall().label());
        level.addClassName("vigil-overall-level");
        Span why = new Span(summary(board));
        why.addClassName("vigil-overall-why");
        Span updated = new Span("Updated " + CLOCK.format(board.at()) + " · live");
        updated.addClassName("vigil-hint");
        updated.setId("updated-at");
        overall.add(level, why, updated);
    }

    /** The one sentence a responder reads first: what is wrong where, or that all is well. */
    static String summary(StatusBoard board) {
        if (board.overall() == StatusLevel.UNKNOWN) {
            return "No KPI can be judged: no recent API metrics or no targets.";
        }
        if (board.overall() == StatusLevel.GOOD) {
            return "All services within their targets.";
        }
        StringBuilder text = new StringBuilder();
        for (ServiceStatus s : board.services()) {
            for (Tile t : s.tiles()) {
                if (t.status() == board.overall()) {
                    if (!text.isEmpty()) {
                        text.append("; ");
                    }
                    text.append(s.service()).append(": ").append(t.kpi().label()).append(' ').append(t.reason());
                }
            }
        }
        return text.toString();
    }

    private Div engine(Instant now) {
        Div panel = DashboardLists.panel("engine", "Vigil itself");
        Span status = heartbeats.latest()
                .map(beat -> {
                    long ago = Duration.between(beat.beatAt(), now).toSeconds();
                    Span s = new Span((heartbeats.isStale(beat) ? "Scheduler stalled" : "Scheduler alive")
                            + " · last heartbeat " + ago + " s ago");
                    s.addClassName(heartbeats.isStale(beat) ? "vigil-status-down" : "vigil-status-good");
                    return s;
                })
                .orElseGet(() -> new Span("Starting · no heartbeat yet"));
        status.setId("scheduler-status");
        panel.add(status);
        return panel;
    }
}

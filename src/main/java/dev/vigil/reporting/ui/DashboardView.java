package dev.vigil.reporting.ui;

import java.time.Clock;
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
import dev.vigil.base.selfcheck.SelfStatus;
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

    /** Healthy services shown with tiles, after every service in trouble. */
    static final int TILED = 12;
    static final int SUMMARISED = 3;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ReportingManagement reporting;
    private final IncidentManagement incidents;
    private final AlertingManagement alerting;
    private final OnCallManagement oncall;
    private final SchedulerHeartbeats heartbeats;
    private final SelfStatus self;
    private final Clock clock;
    private final Div overall = new Div();
    private final Div services = new Div();
    private final Div lists = new Div();
    private Registration push;

    DashboardView(ReportingManagement reporting, IncidentManagement incidents, AlertingManagement alerting,
            OnCallManagement oncall, SchedulerHeartbeats heartbeats, SelfStatus self, DashboardPush livePush,
            Clock clock) {
        this.reporting = reporting;
        this.incidents = incidents;
        this.alerting = alerting;
        this.oncall = oncall;
        this.heartbeats = heartbeats;
        this.self = self;
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
        SelfStatus.Snapshot itself = self.latest();
        var beat = heartbeats.latest();
        boolean stale = beat.map(heartbeats::isStale).orElse(false);
        showOverall(board, SelfPanel.level(itself, stale), SelfPanel.problems(itself, stale));
        services.removeAll();
        // Services in trouble always get their tiles (the board lists them first); healthy ones fill up to
        // TILED, the rest are one line of names: a hundred services' tiles would bury the one that matters
        // and make the page slow on a phone.
        List<ServiceStatus> all = board.services();
        List<ServiceStatus> tiled = all.stream().filter(s -> s.status().compareTo(StatusLevel.DEGRADED) >= 0)
                .toList();
        int room = Math.max(0, TILED - tiled.size());
        List<ServiceStatus> shown = new java.util.ArrayList<>(tiled);
        all.stream().filter(s -> !tiled.contains(s)).limit(room).forEach(shown::add);
        shown.forEach(s -> services.add(KpiTiles.service(s)));
        List<String> rest = all.stream().filter(s -> !shown.contains(s)).map(ServiceStatus::service).toList();
        if (!rest.isEmpty()) {
            Span others = DashboardLists.hint(rest.size() + " more services, none degraded: " + String.join(", ", rest));
            others.setId("other-services");
            services.add(others);
        }
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
                now), DashboardLists.alerts(firing), DashboardLists.onCall(oncall.onCall(now)), SelfPanel.of(itself, beat, stale, now));
    }

    /** The services' status, made at least as bad as Vigil itself when something in Vigil is amiss. */
    private void showOverall(StatusBoard board, StatusLevel itself, List<String> selfProblems) {
        overall.removeAll();
        StatusLevel shown = itself == StatusLevel.GOOD ? board.overall() : board.overall().worse(itself);
        overall.setClassName("vigil-overall vigil-overall-" + shown.name().toLowerCase(Locale.ROOT));
        overall.getElement().setAttribute("data-status", shown.name());
        Span level = new Span(shown == StatusLevel.UNKNOWN ? "No data" : shown.label());
        level.addClassName("vigil-overall-level");
        Span why = new Span(selfProblems.isEmpty() ? summary(board)
                : "Vigil itself: " + String.join("; ", selfProblems) + ". Services: " + summary(board));
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
        List<String> troubled = new java.util.ArrayList<>();
        for (ServiceStatus s : board.services()) {
            List<String> kpis = s.tiles().stream().filter(t -> t.status() == board.overall())
                    .map(t -> t.kpi().label().toLowerCase(Locale.ROOT) + " " + t.reason()).toList();
            if (!kpis.isEmpty()) {
                troubled.add(s.service() + ": " + String.join(", ", kpis));
            }
        }
        // Three are enough to act on; the tiles below show every one.
        String text = String.join("; ", troubled.subList(0, Math.min(SUMMARISED, troubled.size())));
        return troubled.size() > SUMMARISED ? text + "; and " + (troubled.size() - SUMMARISED) + " more services"
                : text;
    }
}

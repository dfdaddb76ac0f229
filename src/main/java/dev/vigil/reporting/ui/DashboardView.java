package dev.vigil.reporting.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.scheduling.SchedulerHeartbeats;
import dev.vigil.base.ui.PlannedFeature;

/** The status dashboard. For now it shows the engine's own health; targets and KPIs come with issue #7. */
@Route("")
@PageTitle("Dashboard · Vigil")
@PermitAll
class DashboardView extends VerticalLayout {

    DashboardView(SchedulerHeartbeats heartbeats) {
        addClassName("vigil-view");
        add(new H2("Status"));
        FlexLayout cards = new FlexLayout(schedulerCard(heartbeats));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(cards);
        add(new PlannedFeature("the dashboard issue (#7)", List.of(
                "overall status (Good / Degraded / Critical) against the targets",
                "KPI tiles for response time, availability, error rate and throughput with budget use",
                "firing alerts, open incidents and who is on call, updated live")));
    }

    private static Div schedulerCard(SchedulerHeartbeats heartbeats) {
        Div card = new Div();
        card.addClassName("vigil-card");
        card.add(new H4("Scheduler"));
        Span status = heartbeats.latest()
                .map(beat -> {
                    long ago = Duration.between(beat.beatAt(), Instant.now()).toSeconds();
                    Span s = new Span((heartbeats.isStale(beat) ? "Stalled" : "Alive")
                            + " · last heartbeat " + ago + " s ago (" + beat.beats() + " beats)");
                    s.addClassName(heartbeats.isStale(beat) ? "vigil-status-down" : "vigil-status-good");
                    return s;
                })
                .orElseGet(() -> new Span("Starting · no heartbeat yet"));
        status.setId("scheduler-status");
        card.add(status);
        return card;
    }
}

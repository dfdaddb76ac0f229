package dev.vigil.reporting.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.vigil.base.scheduling.SchedulerHeartbeats.Heartbeat;
import dev.vigil.base.selfcheck.Finding;
import dev.vigil.base.selfcheck.SelfStatus;
import dev.vigil.reporting.StatusLevel;

/**
 * The dashboard's "Vigil itself" panel: the watchdog's checks (rule evaluation, job executor), the
 * scheduler's heartbeat and every health component that is not UP, and what they make of the overall
 * status (a check failing is critical, anything else amiss degraded).
 */
final class SelfPanel {

    private SelfPanel() {
    }

    /** How Vigil itself stands: {@link StatusLevel#GOOD} when nothing is amiss. */
    static StatusLevel level(SelfStatus.Snapshot self, boolean heartbeatStale) {
        if (self.failing()) {
            return StatusLevel.CRITICAL;
        }
        return self.degraded() || heartbeatStale ? StatusLevel.DEGRADED : StatusLevel.GOOD;
    }

    /** What is amiss with Vigil itself, in a few words each; empty when nothing is. */
    static List<String> problems(SelfStatus.Snapshot self, boolean heartbeatStale) {
        List<String> problems = new ArrayList<>();
        self.findings().stream().filter(Finding::degraded)
                .map(f -> f.failing() ? f.summary() : f.title() + ": " + f.notes()).forEach(problems::add);
        if (heartbeatStale) {
            problems.add("scheduler heartbeat stale");
        }
        self.health().forEach(h -> problems.add(h.component() + " " + h.status()));
        return problems;
    }

    static Div of(SelfStatus.Snapshot self, Optional<Heartbeat> beat, boolean heartbeatStale, Instant now) {
        Div panel = DashboardLists.panel("engine", "Vigil itself");
        panel.getElement().setAttribute("data-status", level(self, heartbeatStale).name());
        for (Finding finding : self.findings()) {
            Div row = row("self-" + finding.key(), finding.title(), finding.failing() ? StatusLevel.CRITICAL
                    : finding.degraded() ? StatusLevel.DEGRADED : StatusLevel.GOOD, finding.summary());
            if (!finding.notes().isEmpty() && !finding.failing()) {
                row.add(DashboardLists.hint("On this node: " + finding.notes()));
            }
            panel.add(row);
        }
        Span scheduler = beat.map(b -> {
            long ago = Duration.between(b.beatAt(), now).toSeconds();
            Span s = new Span((heartbeatStale ? "Scheduler stalled" : "Scheduler alive") + " · last heartbeat " + ago
                    + " s ago");
            s.addClassName(heartbeatStale ? "vigil-status-down" : "vigil-status-good");
            return s;
        }).orElseGet(() -> new Span("Starting · no heartbeat yet"));
        scheduler.setId("scheduler-status");
        panel.add(scheduler);
        for (SelfStatus.HealthProblem problem : self.health()) {
            panel.add(row("health-" + problem.component().replace('/', '-'), "Health: " + problem.component(),
                    problem.status().equals("DOWN") ? StatusLevel.CRITICAL : StatusLevel.DEGRADED,
                    problem.status() + (problem.detail().isEmpty() ? "" : " · " + problem.detail())));
        }
        if (self.at() == null) {
            panel.add(DashboardLists.hint("Self-checks not run yet."));
        }
        return panel;
    }

    private static Div row(String id, String title, StatusLevel level, String text) {
        Div row = new Div();
        row.setId(id);
        row.addClassName("vigil-dash-row");
        row.getElement().setAttribute("data-status", level.name());
        Div meta = new Div(DashboardBadges.badge(level == StatusLevel.GOOD ? "OK" : level.label(),
                level == StatusLevel.CRITICAL ? "error primary" : level == StatusLevel.DEGRADED ? "warning" : "success"),
                new Span(title));
        meta.addClassName("vigil-dash-meta");
        row.add(meta, DashboardLists.hint(text));
        return row;
    }
}

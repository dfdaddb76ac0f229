package dev.vigil.reporting.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import dev.vigil.alerting.RuleStatus;
import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentStatus;
import dev.vigil.oncall.OnCallOverview;

/**
 * The dashboard's lists: open incidents, firing alerts, who is on call. Cards rather than grids so a
 * phone shows them without sideways scrolling; each incident is one tap from its page. Links carry
 * {@code router-link} so Vaadin navigates without reloading.
 */
final class DashboardLists {

    static final int SHOWN = 10;
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEE HH:mm")
            .withZone(ZoneId.systemDefault());

    private DashboardLists() {
    }

    static Div incidents(List<Incident> open, long total, Instant now) {
        Div panel = panel("open-incidents", "Open incidents (" + total + ")");
        if (open.isEmpty()) {
            panel.add(hint("No open incidents."));
        }
        for (Incident i : open) {
            Div row = new Div();
            row.addClassName("vigil-dash-row");
            row.getElement().setAttribute("data-incident", i.id());
            Span severity = DashboardBadges.badge(i.severity().apiName(), switch (i.severity()) {
                case CRITICAL -> "error";
                case HIGH -> "warning";
                default -> "contrast";
            });
            Span status = DashboardBadges.badge(i.status().name(),
                    i.status() == IncidentStatus.TRIGGERED ? "error primary" : "warning");
            Div meta = new Div(severity, status, hint(i.id() + " · " + (i.service() == null ? "no service" : i.service())
                    + " · " + ago(i.triggeredAt(), now)));
            meta.addClassName("vigil-dash-meta");
            row.add(link("incidents/" + i.id(), i.title()), meta);
            panel.add(row);
        }
        if (total > open.size()) {
            panel.add(link("incidents", "All " + total + " open incidents"));
        }
        return panel;
    }

    static Div alerts(List<RuleStatus> firing) {
        Div panel = panel("firing-alerts", "Firing alerts (" + firing.size() + ")");
        if (firing.isEmpty()) {
            panel.add(hint("Nothing is firing."));
        }
        for (RuleStatus r : firing.stream().limit(SHOWN).toList()) {
            Div row = new Div();
            row.addClassName("vigil-dash-row");
            String value = r.lastValue() == null ? "" : " · value " + number(r.lastValue());
            row.add(link("rules/" + r.rule().id(), r.rule().name()), hint(
                    (r.rule().service() == null ? "" : r.rule().service() + " · ") + r.firingCount() + " of "
                            + r.instanceCount() + " firing" + value));
            panel.add(row);
        }
        if (firing.size() > SHOWN) {
            panel.add(link("rules", "All " + firing.size() + " firing rules"));
        }
        return panel;
    }

    static Div onCall(OnCallOverview overview) {
        Div panel = panel("on-call", "On call now");
        if (overview.schedules().isEmpty()) {
            panel.add(hint("No schedules yet."));
        }
        for (OnCallOverview.ScheduleNow s : overview.schedules()) {
            Div row = new Div();
            row.addClassName("vigil-dash-row");
            Span who = new Span(s.onCall() == null ? "nobody" : s.onCall().displayName());
            who.addClassName("vigil-dash-who");
            row.add(who, hint(s.name() + (s.until() == null ? "" : " · until " + UNTIL.format(s.until()))));
            panel.add(row);
        }
        panel.add(link("oncall", "On-call schedules"));
        return panel;
    }

    static Div panel(String id, String title) {
        Div panel = new Div(new H3(title));
        panel.setId(id);
        panel.addClassNames("vigil-card", "vigil-dash-panel");
        return panel;
    }

    static Anchor link(String path, String text) {
        Anchor a = new Anchor(path, text);
        a.getElement().setAttribute("router-link", true);
        a.addClassName("vigil-dash-link");
        return a;
    }

    static Span hint(String text) {
        Span span = new Span(text);
        span.addClassName("vigil-hint");
        return span;
    }

    static String ago(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h " + d.toMinutesPart() + " min ago";
        }
        return d.toDays() + " d ago";
    }

    /** Rule values come in any unit; three significant figures are enough at a glance. */
    static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", v)
                : String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}

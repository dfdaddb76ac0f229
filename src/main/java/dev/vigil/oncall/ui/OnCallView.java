package dev.vigil.oncall.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.OnCallOverview;
import dev.vigil.oncall.OnCallOverview.PolicyNow;
import dev.vigil.oncall.OnCallOverview.ScheduleNow;
import dev.vigil.oncall.Shift;
import dev.vigil.security.SecurityManagement;

/**
 * Who is on call now (per schedule, and whom each escalation policy pages first), the next two weeks
 * of every schedule, and the overrides. Any responder may look; changing overrides needs a manager.
 */
@Route("oncall")
@PageTitle("On-call · Vigil")
@PermitAll
class OnCallView extends VerticalLayout {

    static final int CALENDAR_DAYS = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final OnCallManagement oncall;
    private final Clock clock;
    private final Grid<ScheduleNow> schedules = new Grid<>();
    private final Grid<PolicyNow> policies = new Grid<>();
    private final Grid<LocalDate> calendar = new Grid<>();
    private final H3 calendarTitle = new H3("Next " + CALENDAR_DAYS + " days");
    private final OverridesPanel overrides;

    OnCallView(OnCallManagement oncall, SecurityManagement security, Clock clock) {
        this.oncall = oncall;
        this.clock = clock;
        addClassName("vigil-view");
        schedules.setId("schedules-now");
        schedules.addColumn(ScheduleNow::name).setHeader("Schedule").setKey("schedule").setFlexGrow(1);
        schedules.addColumn(s -> OnCallTexts.person(s.onCall())).setHeader("On call").setKey("oncall").setFlexGrow(1);
        schedules.addColumn(s -> s.onCall() == null ? "" : s.until() == null ? "no handoff planned"
                : OnCallTexts.time(s.until(), ZoneId.of(s.timeZone()))).setHeader("Until").setKey("until").setFlexGrow(1);
        policies.setId("policies-now");
        policies.addColumn(PolicyNow::name).setHeader("Escalation policy").setKey("policy").setFlexGrow(1);
        policies.addColumn(p -> OnCallTexts.people(p.firstLevel())).setHeader("Pages first").setKey("first").setFlexGrow(2);
        calendar.setId("calendar");
        List.of(schedules, policies, calendar).forEach(g -> {
            g.setAllRowsVisible(true);
            g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        });
        overrides = new OverridesPanel(oncall, security, clock, this::refresh);
        add(new H2("On-call"), OnCallTexts.nav(), new H3("On call now"), schedules, policies,
                calendarTitle, calendar, overrides);
        refresh();
    }

    void refresh() {
        OnCallOverview now = oncall.onCall(clock.instant());
        schedules.setItems(now.schedules());
        schedules.setEmptyStateText("No schedules yet: create one through the API (POST /api/v1/schedules).");
        policies.setItems(now.escalationPolicies());
        fillCalendar(now.schedules());
        calendarTitle.setVisible(!now.schedules().isEmpty());
        calendar.setVisible(!now.schedules().isEmpty());
        overrides.showSchedules(now.schedules());
    }

    /** One row a day, one column a schedule; a cell names who is on call that day and when it changes. */
    private void fillCalendar(List<ScheduleNow> all) {
        calendar.removeAllColumns();
        LocalDate today = LocalDate.now(clock.withZone(OnCallTexts.ZONE));
        calendar.addColumn(DAY::format).setHeader("Day").setKey("day").setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        for (ScheduleNow schedule : all) {
            ZoneId zone = ZoneId.of(schedule.timeZone());
            Instant from = today.atStartOfDay(zone).toInstant();
            List<Shift> shifts = oncall.shifts(schedule.id(), from, today.plusDays(CALENDAR_DAYS).atStartOfDay(zone).toInstant());
            calendar.addColumn(day -> cell(shifts, day, zone)).setHeader(schedule.name()).setKey(schedule.id())
                    .setFlexGrow(1).setWidth("9rem");
        }
        calendar.setItems(IntStream.range(0, CALENDAR_DAYS).mapToObj(today::plusDays).toList());
    }

    /** "ana", or "ana → ben 09:00" when someone takes over during the day; "—" for nobody. */
    static String cell(List<Shift> shifts, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<String> parts = new ArrayList<>();
        for (Shift shift : shifts) {
            if (shift.start().isBefore(end) && shift.end().isAfter(start)) {
                boolean startsToday = shift.start().isAfter(start);
                parts.add(parts.isEmpty() && !startsToday ? shift.username()
                        : (parts.isEmpty() ? "— → " : "→ ") + shift.username() + " " + HOUR.format(shift.start().atZone(zone)));
            }
        }
        return parts.isEmpty() ? "—" : String.join(" ", parts);
    }
}

package dev.vigil.incident.ui;

import java.util.List;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.ui.PlannedView;

/** Incidents: says what it will show until its issue lands. */
@Route("incidents")
@PageTitle("Incidents · Vigil")
@PermitAll
class IncidentsView extends PlannedView {

    IncidentsView() {
        super("Incidents", "the incidents issue (#5)", List.of(
                "open and past incidents with status, severity, service and escalation level",
                "acknowledge, resolve and root-cause analysis, also on a phone",
                "the timeline, the notifications sent and the process diagram with its current step"));
    }
}

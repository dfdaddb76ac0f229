package dev.vigil.oncall.ui;

import java.util.List;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.ui.PlannedView;

/** On-call: says what it will show until its issue lands. */
@Route("oncall")
@PageTitle("On-call · Vigil")
@PermitAll
class OnCallView extends PlannedView {

    OnCallView() {
        super("On-call", "the incidents issue (#5)", List.of(
                "who is on call now and at any time",
                "schedules with rotation layers, handoffs and overrides",
                "escalation policies with levels, timeouts and repeats"));
    }
}

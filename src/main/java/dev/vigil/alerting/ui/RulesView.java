package dev.vigil.alerting.ui;

import java.util.List;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.ui.PlannedView;

/** Rules: says what it will show until its issue lands. */
@Route("rules")
@PageTitle("Rules · Vigil")
@PermitAll
class RulesView extends PlannedView {

    RulesView() {
        super("Rules", "the alerting issue (#4)", List.of(
                "alert rules with state badges, last value and last evaluation",
                "a rule editor with validation and a preview chart against the threshold",
                "rule history and silences"));
    }
}

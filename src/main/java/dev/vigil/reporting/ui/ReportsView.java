package dev.vigil.reporting.ui;

import java.util.List;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.ui.PlannedView;

/** Reports: says what it will show until its issue lands. */
@Route("reports")
@PageTitle("Reports · Vigil")
@PermitAll
class ReportsView extends PlannedView {

    ReportsView() {
        super("Reports", "the reports issue (#8)", List.of(
                "daily, weekly and monthly performance reports per service and overall",
                "budgets, goals, error budget, MTTA/MTTR and incident analysis",
                "PDF and CSV exports and the archive of scheduled reports"));
    }
}

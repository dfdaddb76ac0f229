package dev.vigil.metrics.ui;

import java.util.List;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.ui.PlannedView;

/** Metrics: says what it will show until its issue lands. */
@Route("metrics")
@PageTitle("Metrics · Vigil")
@PermitAll
class MetricsView extends PlannedView {

    MetricsView() {
        super("Metrics", "the metrics issue (#3)", List.of(
                "every metric series with its labels and latest value",
                "charts over any window from raw data or rollups",
                "sources: HTTP push, CloudWatch, Prometheus scrape targets, demo generator"));
    }
}

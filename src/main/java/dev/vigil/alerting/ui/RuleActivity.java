package dev.vigil.alerting.ui;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.vigil.alerting.AlertRule;
import dev.vigil.alerting.AlertTransition;
import dev.vigil.alerting.AlertingManagement;
import dev.vigil.alerting.RuleStatus;

/** Where a rule's alerts stand now (one per series) and how they got there (its history, newest first). */
class RuleActivity extends VerticalLayout {

    private static final int NARROW_PX = 700;
    private static final int SHORT_HISTORY = 10;

    RuleActivity(AlertingManagement alerting, RuleStatus status, Clock clock) {
        setPadding(false);
        AlertRule rule = status.rule();
        add(new H3("Current alerts"));
        if (status.instances().isEmpty()) {
            Span none = new Span(rule.enabled() ? "Not evaluated yet, or no series matched."
                    : "The rule is disabled; nothing is evaluated.");
            none.addClassName("vigil-hint");
            add(none);
        } else {
            add(instances(status, clock));
        }
        add(new H3("History"), history(alerting, rule));
    }

    private static Grid<RuleStatus.Instance> instances(RuleStatus status, Clock clock) {
        Grid<RuleStatus.Instance> grid = new Grid<>();
        grid.setId("instances");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(i -> i.labels().isEmpty() ? "(no labels)" : AlertTexts.labels(i.labels()))
                .setHeader("Labels").setKey("labels").setFlexGrow(3);
        grid.addComponentColumn(i -> Badges.state(i.state())).setHeader("State").setKey("state").setAutoWidth(true);
        grid.addColumn(i -> AlertTexts.ago(i.since(), clock.instant())).setHeader("Since").setKey("since")
                .setAutoWidth(true);
        grid.addColumn(i -> AlertTexts.value(status.rule(), i.lastValue())).setHeader("Last value").setKey("value")
                .setAutoWidth(true);
        Grid.Column<RuleStatus.Instance> silenced = grid.addColumn(i -> i.silencedBy() == null ? "" : "by " + i.silencedBy())
                .setHeader("Silenced").setKey("silenced").setAutoWidth(true);
        NarrowColumns.hide(grid, NARROW_PX, List.of(silenced));
        grid.setItems(status.instances());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Grid<AlertTransition> history(AlertingManagement alerting, AlertRule rule) {
        Grid<AlertTransition> grid = new Grid<>();
        grid.setId("history");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(t -> AlertTexts.time(t.at())).setHeader("Time").setKey("time").setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<AlertTransition> labels = grid.addColumn(t -> AlertTexts.labels(t.labels())).setHeader("Labels")
                .setKey("labels");
        grid.addComponentColumn(t -> {
            HorizontalLayout change = new HorizontalLayout(Badges.state(t.from()), new Span("→"), Badges.state(t.to()));
            change.setSpacing(false);
            change.addClassName("vigil-transition");
            change.setAlignItems(FlexComponent.Alignment.CENTER);
            return change;
        }).setHeader("Change").setKey("change").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> AlertTexts.value(rule, t.value())).setHeader("Value").setKey("value").setAutoWidth(true);
        Grid.Column<AlertTransition> reason = grid.addColumn(AlertTransition::reason).setHeader("Reason")
                .setKey("reason").setFlexGrow(2);
        Grid.Column<AlertTransition> silenced = grid.addColumn(t -> t.silencedBy() == null ? "" : "by " + t.silencedBy())
                .setHeader("Silenced").setKey("silenced").setAutoWidth(true);
        NarrowColumns.hide(grid, NARROW_PX, List.of(labels, reason, silenced));
        grid.setItems(q -> Paging.slice(q.getOffset(), q.getLimit(), (page, size) -> alerting.history(rule.id(), page, size)),
                q -> (int) alerting.historyCount(rule.id()));
        // A short history shows whole; a long one scrolls inside the grid, fetched page by page.
        if (alerting.historyCount(rule.id()) > SHORT_HISTORY) {
            grid.setHeight("24rem");
        } else {
            grid.setAllRowsVisible(true);
        }
        grid.setEmptyStateText("No state changes yet.");
        return grid;
    }
}

package dev.vigil.security.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.vigil.base.ui.WindowWidth;
import dev.vigil.security.AuditEntry;
import dev.vigil.security.AuditFilter;
import dev.vigil.security.AuditTrail;
import tools.jackson.databind.JsonNode;

/**
 * The audit log, newest first, loaded page by page as it scrolls; filters by actor, action (a prefix:
 * {@code user.}) and target. A row opens its before and after below the grid.
 */
class AuditPanel extends VerticalLayout {

    private final AuditTrail audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField actor = filter("Actor", "audit-actor");
    private final TextField action = filter("Action", "audit-action");
    private final TextField targetType = filter("Target type", "audit-target-type");
    private final TextField targetId = filter("Target id", "audit-target-id");
    private final Div details = new Div();

    AuditPanel(AuditTrail audit) {
        this.audit = audit;
        setPadding(false);
        action.setPlaceholder("e.g. user. or rule.updated");
        FlexLayout filters = new FlexLayout(actor, action, targetType, targetId);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        details.setId("audit-details");
        details.setWidthFull();
        add(filters, grid(), details);
    }

    private Grid<AuditEntry> grid() {
        grid.setId("audit-log");
        grid.addColumn(e -> AdminTexts.preciseTime(e.at())).setHeader("When").setKey("at").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setKey("action").setFlexGrow(1);
        Grid.Column<AuditEntry> who = grid.addColumn(e -> e.actor() + " (" + e.actorType() + ")").setHeader("Actor")
                .setKey("actor").setFlexGrow(1);
        Grid.Column<AuditEntry> target = grid.addColumn(e -> e.targetType() + (e.targetId() == null ? "" : " " + e.targetId()))
                .setHeader("Target").setKey("target").setFlexGrow(1);
        WindowWidth.follow(grid, width -> List.of(who, target).forEach(c -> c.setVisible(width >= UsersPanel.NARROW_PX)));
        grid.setItems(q -> audit.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> (int) audit.count(filter()));
        grid.setEmptyStateText("No changes recorded that match.");
        grid.setHeight("24rem");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        return grid;
    }

    AuditFilter filter() {
        return new AuditFilter(text(actor), text(action), text(targetType), text(targetId), null, null);
    }

    private void show(AuditEntry entry) {
        details.removeAll();
        if (entry == null) {
            return;
        }
        details.add(new H4(entry.action() + " · " + entry.targetType() + (entry.targetId() == null ? "" : " " + entry.targetId())),
                new Paragraph("By " + entry.actor() + " (" + entry.actorType() + ") at " + AdminTexts.preciseTime(entry.at())));
        FlexLayout states = new FlexLayout(state("Before", entry.before()), state("After", entry.after()));
        states.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        states.getStyle().set("gap", "var(--lumo-space-m)");
        details.add(states);
    }

    private static Div state(String title, JsonNode json) {
        Pre text = new Pre(json == null ? "(none)" : json.toPrettyString());
        // JSON lines can be long; they wrap rather than widen the screen.
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("margin", "0");
        Div state = new Div(new H4(title), text);
        state.addClassName("audit-" + title.toLowerCase());
        state.getStyle().set("flex", "1 1 16rem").set("min-width", "0");
        return state;
    }

    private TextField filter(String label, String id) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> refresh());
        return field;
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static String text(TextField field) {
        return field.getValue() == null || field.getValue().isBlank() ? null : field.getValue().strip();
    }
}

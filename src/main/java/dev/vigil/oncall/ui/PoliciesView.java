package dev.vigil.oncall.ui;

import java.util.List;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.OnCallResource;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;
import tools.jackson.databind.JsonNode;

/**
 * Escalation policies: the list, and an editor for the chosen one (levels of users and schedules, each
 * with a timeout, and a repeat count). Any responder may look; saving needs a manager.
 */
@Route("oncall/policies")
@PageTitle("Escalation policies · Vigil")
@PermitAll
class PoliciesView extends VerticalLayout {

    private final OnCallManagement oncall;
    private final Grid<JsonNode> grid = new Grid<>();

    PoliciesView(OnCallManagement oncall, SecurityManagement security) {
        this.oncall = oncall;
        addClassName("vigil-view");
        boolean manager = security.currentCaller().map(c -> c.roles().contains("MANAGER")).orElse(false);
        PolicyEditor editor = new PolicyEditor(oncall, targets(security), manager, saved -> refresh());
        grid.setId("policies");
        grid.addColumn(p -> p.get("name").asString()).setHeader("Name").setKey("name").setFlexGrow(1);
        grid.addColumn(p -> p.get("levels").size() + (p.get("levels").size() == 1 ? " level" : " levels")
                + (p.get("repeat").asInt() > 0 ? ", repeated " + p.get("repeat").asInt() + "×" : ""))
                .setHeader("Escalation").setKey("summary").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                editor.edit(e.getValue());
            }
        });
        Button create = new Button("New policy", VaadinIcon.PLUS.create(), e -> {
            grid.deselectAll();
            editor.edit(null);
        });
        create.setId("new-policy");
        add(new H2("On-call"), OnCallTexts.nav(), grid, create, editor);
        refresh();
        List<JsonNode> policies = oncall.list(OnCallResource.ESCALATION_POLICIES, 0, 1000);
        editor.edit(policies.isEmpty() ? null : policies.getFirst());
    }

    private void refresh() {
        grid.setItems(oncall.list(OnCallResource.ESCALATION_POLICIES, 0, 1000));
    }

    private List<TargetOption> targets(SecurityManagement security) {
        return Stream.concat(
                oncall.list(OnCallResource.SCHEDULES, 0, 1000).stream()
                        .map(s -> TargetOption.schedule(s.get("id").asString(), s.get("name").asString())),
                security.userDirectory().stream().map(UserSummary::username).map(TargetOption::user)).toList();
    }
}

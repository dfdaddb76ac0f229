package dev.vigil.incident.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentFilter;
import dev.vigil.incident.IncidentStatus;

class IncidentsViewTests extends IncidentUiTest {

    @Test
    void theListShowsAFreshlyOpenedIncidentWithItsFacts() {
        loginAsAdmin();
        String service = unique("ui-list");
        Incident incident = open("Checkout is slow " + service, service);

        UI.getCurrent().navigate("incidents");

        Grid<Incident> grid = grid();
        int row = rowOf(grid, incident.id());
        assertThat(GridKt._getFormatted(grid, row, "title")).isEqualTo(incident.title());
        assertThat(GridKt._getFormatted(grid, row, "service")).isEqualTo(service);
        assertThat(((Span) GridKt._getCellComponent(grid, row, "status")).getText()).isEqualTo("TRIGGERED");
        assertThat(((Span) GridKt._getCellComponent(grid, row, "severity")).getText()).isEqualTo("high");
        assertThat(GridKt._getFormatted(grid, row, "level")).isEqualTo("level 1");
        assertThat(GridKt._getFormatted(grid, row, "triggered")).matches("\\d+s ago");
        assertThat(GridKt._getFormatted(grid, row, "ackAfter")).isEmpty();
    }

    @Test
    void filtersNarrowTheListByServiceAndStatus() {
        loginAsAdmin();
        String service = unique("ui-filter");
        Incident acknowledged = open("Acknowledged one", service);
        incidents.acknowledge(acknowledged.id());
        Incident resolved = open("Resolved one", service);
        incidents.resolve(resolved.id());
        UI.getCurrent().navigate("incidents");

        set(_get(TextField.class, spec -> spec.withId("service-filter")), service);

        assertThat(ids(grid())).containsExactly(acknowledged.id());
        assertThat(_get(Span.class, spec -> spec.withId("incident-total")).getText()).isEqualTo("1 incident");
        set(statusFilter(), EnumSet.allOf(IncidentStatus.class));
        assertThat(ids(grid())).containsExactly(resolved.id(), acknowledged.id());
        set(statusFilter(), EnumSet.of(IncidentStatus.CLOSED));
        assertThat(ids(grid())).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("incident-total")).getText()).isEqualTo("No incidents match.");
    }

    @Test
    void openingAnIncidentByHandPagesAndShowsIt() {
        loginAsAdmin();
        String service = unique("ui-open");
        UI.getCurrent().navigate("incidents");

        _click(_get(Button.class, spec -> spec.withId("open-incident")));
        set(_get(TextField.class, spec -> spec.withId("new-title")), "Payments are failing");
        set(_get(TextField.class, spec -> spec.withId("new-service")), service);
        _click(_get(Button.class, spec -> spec.withId("confirm-open")));

        List<Incident> opened = incidents.incidents(new IncidentFilter(null, service, null, null), 0, 10);
        assertThat(opened).singleElement().satisfies(i -> assertThat(i.title()).isEqualTo("Payments are failing"));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("incidents/" + opened.get(0).id());
        assertThat(notifications()).contains(opened.get(0).id() + " opened");
    }

    @Test
    void aDialogWithoutATitleOpensNothing() {
        loginAsAdmin();
        UI.getCurrent().navigate("incidents");
        _click(_get(Button.class, spec -> spec.withId("open-incident")));

        _click(_get(Button.class, spec -> spec.withId("confirm-open")));

        TextField title = _get(TextField.class, spec -> spec.withId("new-title"));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Say what is wrong");
    }

    @Test
    void aPhoneGetsOneColumnOfCardsAndALaptopTheMainColumns() {
        loginAsAdmin();
        String service = unique("ui-phone");
        Incident incident = open("Phone card", service);
        UI.getCurrent().navigate("incidents");
        IncidentGrid grid = (IncidentGrid) grid();

        grid.fit(360);

        assertThat(visibleColumns(grid)).containsExactly("card");
        var card = GridKt._getCellComponent(grid, rowOf(grid, incident.id()), "card");
        assertThat(_get(card, Span.class, spec -> spec.withClasses("vigil-incident-card-title")).getText())
                .isEqualTo("Phone card");
        assertThat(_get(card, Span.class, spec -> spec.withClasses("vigil-incident-status")).getText())
                .isEqualTo("TRIGGERED");
        grid.fit(1280);
        assertThat(visibleColumns(grid)).doesNotContain("card", "alerts", "assignee").contains("id", "title", "status");
        grid.fit(1600);
        assertThat(visibleColumns(grid)).doesNotContain("card").contains("alerts", "assignee");
    }

    private static List<String> visibleColumns(Grid<Incident> grid) {
        return grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey).toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Incident> grid() {
        return _get(Grid.class, spec -> spec.withId("incidents"));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<IncidentStatus> statusFilter() {
        return _get(CheckboxGroup.class, spec -> spec.withId("status-filter"));
    }

    private static List<String> ids(Grid<Incident> grid) {
        return GridKt._findAll(grid).stream().map(Incident::id).toList();
    }

    private static int rowOf(Grid<Incident> grid, String id) {
        int row = ids(grid).indexOf(id);
        assertThat(row).as("row of " + id).isNotNegative();
        return row;
    }
}

package dev.vigil.incident.ui;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.ui.LiveRefresh;
import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentFilter;
import dev.vigil.incident.IncidentManagement;
import dev.vigil.incident.IncidentStatus;

/**
 * Incidents, newest first, open ones by default, refreshed every few seconds so a new page shows up
 * without a reload. Anyone who can act may open one by hand.
 */
@Route("incidents")
@PageTitle("Incidents · Vigil")
@PermitAll
class IncidentsView extends VerticalLayout {

    static final int REFRESH_MILLIS = 5000;

    private final IncidentManagement incidents;
    private final CheckboxGroup<IncidentStatus> statuses = new CheckboxGroup<>("Status");
    private final TextField service = new TextField("Service");
    private final Span total = new Span();
    private final IncidentGrid grid;

    IncidentsView(IncidentManagement incidents, Clock clock) {
        this.incidents = incidents;
        addClassName("vigil-view");
        addClassName("vigil-incidents");
        setSizeFull();
        grid = new IncidentGrid(incidents, this::filter, clock);
        grid.setWidthFull();
        total.setId("incident-total");
        total.addClassName("vigil-hint");
        add(new H2("Incidents"), toolbar(), total, grid);
        setFlexGrow(1, grid);
        refresh();
        LiveRefresh.every(REFRESH_MILLIS, this, this::refresh);
    }

    private FlexLayout toolbar() {
        statuses.setId("status-filter");
        statuses.setItems(IncidentStatus.values());
        statuses.setItemLabelGenerator(s -> s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT));
        statuses.setValue(EnumSet.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED));
        statuses.setHelperText("None ticked: all");
        statuses.addValueChangeListener(e -> refresh());
        service.setId("service-filter");
        service.setPlaceholder("Any service");
        service.setClearButtonVisible(true);
        service.setValueChangeMode(ValueChangeMode.LAZY);
        service.addValueChangeListener(e -> refresh());
        Button open = new Button("Open incident", VaadinIcon.PLUS.create(),
                e -> new OpenIncidentDialog(incidents, this::opened).open());
        open.setId("open-incident");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout toolbar = new FlexLayout(statuses, service, open);
        toolbar.addClassName("vigil-incident-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    IncidentFilter filter() {
        Set<IncidentStatus> chosen = statuses.getValue();
        String name = service.getValue() == null ? "" : service.getValue().strip();
        return new IncidentFilter(chosen, name.isEmpty() ? null : name, null, null);
    }

    /** Re-reads the list (and its count), keeping the scroll position. */
    void refresh() {
        long count = incidents.count(filter());
        total.setText(count == 0 ? "No incidents match." : count + (count == 1 ? " incident" : " incidents"));
        grid.getDataProvider().refreshAll();
    }

    private void opened(Incident incident) {
        getUI().ifPresent(ui -> ui.navigate(IncidentView.class, incident.id()));
    }
}

package dev.vigil.reporting.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.reporting.ReportingManagement;
import dev.vigil.reporting.ServiceTargets;

/**
 * A service's targets, budgets and goals, for managers. A service without targets starts from the
 * demo service's figures (spec.md); saving replaces them whole, and a refused save marks each bad
 * field and stores nothing.
 */
@Route("reports/targets")
@PageTitle("Targets · Vigil")
@RolesAllowed("MANAGER")
class TargetsView extends VerticalLayout {

    private final ReportingManagement reporting;
    private final ComboBox<String> service = new ComboBox<>("Service");
    private final NumberField budget = number("Response-time budget (avg)", "ms", "target-budget");
    private final NumberField p95 = number("p95 target", "ms", "target-p95");
    private final NumberField availability = number("Availability target", "%", "target-availability");
    private final NumberField slo = number("SLO (availability)", "%", "target-slo");
    private final NumberField errorRate = number("Error-rate target", "%", "target-error-rate");
    private final NumberField capacity = number("Throughput capacity (optional)", "req/s", "target-capacity");
    private final GoalEditor goals = new GoalEditor();
    private final Span status = new Span();

    TargetsView(ReportingManagement reporting) {
        this.reporting = reporting;
        addClassName("vigil-view");
        service.setId("targets-service");
        service.setItems(reporting.services());
        service.setAllowCustomValue(true);
        service.addCustomValueSetListener(e -> service.setValue(e.getDetail()));
        service.addValueChangeListener(e -> load(e.getValue()));
        service.setWidthFull();
        Button save = new Button("Save", VaadinIcon.CHECK.create(), e -> save());
        save.setId("save-targets");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        status.setId("targets-status");
        status.addClassName("vigil-hint");
        Div fields = new Div(budget, p95, availability, slo, errorRate, capacity);
        fields.addClassName("vigil-facts");
        fields.setWidthFull();
        add(new H2("Targets and goals"), new RouterLink("Back to reports", ReportsView.class), service, fields,
                new H3("Goals"), goals, save, status);
        reporting.services().stream().findFirst().ifPresent(service::setValue);
    }

    private void load(String name) {
        clearErrors();
        if (name == null || name.isBlank()) {
            return;
        }
        ServiceTargets t = reporting.targets(name).orElse(null);
        ServiceTargets shown = t != null ? t : new ServiceTargets(name, 200, 500, 99, 99.9, 1, null, List.of(), null, null);
        budget.setValue(shown.responseTimeBudgetMs());
        p95.setValue(shown.p95TargetMs());
        availability.setValue(shown.availabilityTargetPct());
        slo.setValue(shown.sloAvailabilityPct());
        errorRate.setValue(shown.errorRateTargetPct());
        capacity.setValue(shown.throughputCapacityRps());
        goals.setGoals(shown.goals());
        status.setText(t == null ? "No targets set yet; these are the defaults of spec.md."
                : "Last changed by " + t.updatedBy() + " at " + t.updatedAt() + ".");
    }

    private void save() {
        if (service.getValue() == null || service.getValue().isBlank()) {
            service.setInvalid(true);
            service.setErrorMessage("Pick or type a service");
            return;
        }
        clearErrors();
        try {
            ServiceTargets saved = reporting.saveTargets(new ServiceTargets(service.getValue(), value(budget),
                    value(p95), value(availability), value(slo), value(errorRate), capacity.getValue(), goals.goals(),
                    null, null));
            status.setText("Saved. Last changed by " + saved.updatedBy() + " at " + saved.updatedAt() + ".");
            Notification.show("Targets of " + saved.service() + " saved");
        } catch (InvalidRequestException e) {
            List<String> unplaced = new ArrayList<>();
            for (FieldViolation v : e.violations()) {
                HasValidation field = fields().get(v.pointer());
                if (field == null && !goals.mark(v)) {
                    unplaced.add(v.pointer() + " " + v.reason());
                } else if (field != null) {
                    field.setErrorMessage(v.reason());
                    field.setInvalid(true);
                }
            }
            status.setText("Not saved: " + e.getMessage() + (unplaced.isEmpty() ? "" : " (" + String.join("; ", unplaced)
                    + ")"));
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("/service", service);
        fields.put("/responseTimeBudgetMs", budget);
        fields.put("/p95TargetMs", p95);
        fields.put("/availabilityTargetPct", availability);
        fields.put("/sloAvailabilityPct", slo);
        fields.put("/errorRateTargetPct", errorRate);
        fields.put("/throughputCapacityRps", capacity);
        return fields;
    }

    private void clearErrors() {
        fields().values().forEach(f -> f.setInvalid(false));
        goals.clearMarks();
    }

    /** An empty field is sent as NaN, which the rules refuse with the field's pointer. */
    private static double value(NumberField field) {
        return field.getValue() == null ? Double.NaN : field.getValue();
    }

    private static NumberField number(String label, String unit, String id) {
        NumberField field = new NumberField(label);
        field.setId(id);
        field.setSuffixComponent(new Span(unit));
        field.setWidthFull();
        return field;
    }

    static FlexLayout row() {
        FlexLayout row = new FlexLayout();
        row.addClassName("vigil-actions");
        row.setWidthFull();
        return row;
    }
}

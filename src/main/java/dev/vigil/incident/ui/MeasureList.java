package dev.vigil.incident.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.base.FieldViolation;
import dev.vigil.incident.RootCauseAnalysis.PreventionMeasure;
import dev.vigil.incident.RootCauseAnalysis.Status;

/**
 * The prevention measures of an RCA as a small editable list: one row per measure (what, who, by when,
 * done or not). Row {@code i} is {@code /preventionMeasures/i} in the module's violations.
 */
class MeasureList extends Div {

    private final List<Row> rows = new ArrayList<>();
    private final Div container = new Div();
    private final Button add = new Button("Add prevention measure", VaadinIcon.PLUS.create(), e -> addRow(null));
    private final Runnable changed;
    private boolean readOnly;

    /** @param changed told of every edit, so that a refresh leaves edits alone */
    MeasureList(Runnable changed) {
        this.changed = changed;
        container.setId("measures");
        add.setId("add-measure");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H4("Prevention measures"), container, add);
    }

    void setMeasures(List<PreventionMeasure> measures) {
        rows.clear();
        container.removeAll();
        measures.forEach(this::addRow);
    }

    /** Every row, a blank one included (the module says what it is missing). */
    List<PreventionMeasure> measures() {
        return rows.stream().map(Row::measure).toList();
    }

    /** Forgets rows nobody wrote anything in, so that indexes match what is sent. */
    void dropBlankRows() {
        new ArrayList<>(rows).stream().filter(Row::blank).forEach(this::remove);
    }

    /** What the module's API door does not check itself but its storage needs: a description. */
    List<FieldViolation> missingDescriptions() {
        List<FieldViolation> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).description.getValue().isBlank()) {
                missing.add(new FieldViolation("/preventionMeasures/" + i + "/description", "is required"));
            }
        }
        return missing;
    }

    /** The field behind {@code /preventionMeasures/i/name}; null if there is none. */
    HasValidation field(int index, String name) {
        if (index < 0 || index >= rows.size()) {
            return null;
        }
        Row row = rows.get(index);
        return switch (name) {
            case "description" -> row.description;
            case "owner" -> row.owner;
            case "dueDate" -> row.due;
            case "status" -> row.status;
            default -> null;
        };
    }

    List<HasValidation> fields() {
        return rows.stream().flatMap(r -> List.<HasValidation>of(r.description, r.owner, r.due, r.status).stream())
                .toList();
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        add.setVisible(!readOnly);
        rows.forEach(r -> r.setReadOnly(readOnly));
    }

    private void addRow(PreventionMeasure measure) {
        Row row = new Row(measure);
        row.remove.addClickListener(e -> {
            remove(row);
            changed.run();
        });
        row.setReadOnly(readOnly);
        rows.add(row);
        container.add(row);
        renumber();
        if (measure == null) {
            changed.run();
            row.description.focus();
        }
        List.of(row.description, row.owner).forEach(f -> f.addValueChangeListener(e -> changed.run()));
        row.due.addValueChangeListener(e -> changed.run());
        row.status.addValueChangeListener(e -> changed.run());
    }

    private void remove(Row row) {
        rows.remove(row);
        container.remove(row);
        renumber();
    }

    /** Ids follow positions, as violations do. */
    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            row.description.setId("measure-description-" + i);
            row.owner.setId("measure-owner-" + i);
            row.due.setId("measure-due-" + i);
            row.status.setId("measure-status-" + i);
            row.remove.setId("measure-remove-" + i);
        }
    }

    /** One measure's fields; they wrap under each other on a phone. */
    private static final class Row extends Div {

        final TextField description = new TextField("What will prevent it");
        final TextField owner = new TextField("Owner");
        final DatePicker due = new DatePicker("Due");
        final Select<Status> status = new Select<>();
        final Button remove = new Button(VaadinIcon.TRASH.create());

        Row(PreventionMeasure measure) {
            addClassName("vigil-measure");
            description.setMaxLength(2000);
            description.addClassName("vigil-measure-description");
            owner.setMaxLength(200);
            status.setLabel("Status");
            status.setItems(Status.values());
            status.setValue(Status.OPEN);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove this measure");
            if (measure != null) {
                description.setValue(measure.description());
                owner.setValue(measure.owner() == null ? "" : measure.owner());
                due.setValue(measure.dueDate());
                status.setValue(measure.status());
            }
            add(description, owner, due, status, remove);
        }

        PreventionMeasure measure() {
            String who = owner.getValue().strip();
            return new PreventionMeasure(description.getValue().strip(), who.isEmpty() ? null : who, due.getValue(),
                    status.getValue() == null ? Status.OPEN : status.getValue());
        }

        boolean blank() {
            return description.getValue().isBlank() && owner.getValue().isBlank() && due.getValue() == null;
        }

        void setReadOnly(boolean readOnly) {
            description.setReadOnly(readOnly);
            owner.setReadOnly(readOnly);
            due.setReadOnly(readOnly);
            status.setReadOnly(readOnly);
            remove.setVisible(!readOnly);
        }
    }
}

package dev.vigil.incident.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.incident.IncidentDetails;
import dev.vigil.incident.IncidentStatus;
import dev.vigil.incident.RootCauseAnalysis;
import dev.vigil.incident.RootCauseAnalysis.PreventionMeasure;

/**
 * The root-cause analysis of a resolved incident: root cause, contributing factors and prevention
 * measures, with its 24-hour deadline. Read only once the incident is closed. Refreshes from elsewhere
 * do not overwrite what someone is typing; the module's violations land on the fields they name.
 */
class RcaForm extends Div {

    /** What the form holds, as the module's {@code saveRca} takes it. */
    record Draft(String rootCause, String contributingFactors, List<PreventionMeasure> measures) {
    }

    private final Predicate<Draft> save;
    private final Span due = new Span();
    private final TextArea rootCause = new TextArea("Root cause");
    private final TextArea factors = new TextArea("Contributing factors");
    private final MeasureList measures = new MeasureList(this::edited);
    private final Paragraph closes = new Paragraph(
            "Saving with at least one prevention measure closes the incident.");
    private final Button saveButton = new Button("Save RCA", VaadinIcon.CHECK.create(), e -> save());
    private boolean filling;
    private boolean edited;

    /** @param save saves a draft, true if it was saved; throws the module's {@link InvalidRequestException} */
    RcaForm(Predicate<Draft> save) {
        this.save = save;
        setId("rca");
        addClassName("vigil-incident-section");
        addClassName("vigil-rca");
        due.setId("rca-due");
        rootCause.setId("root-cause");
        rootCause.setRequiredIndicatorVisible(true);
        rootCause.setMaxLength(8000);
        rootCause.setWidthFull();
        rootCause.setMinRows(3);
        factors.setId("contributing-factors");
        factors.setMaxLength(8000);
        factors.setWidthFull();
        rootCause.addValueChangeListener(e -> edited());
        factors.addValueChangeListener(e -> edited());
        closes.addClassName("vigil-hint");
        saveButton.setId("save-rca");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        add(new H3("Root-cause analysis"), due, rootCause, factors, measures, closes, saveButton);
        setVisible(false);
    }

    /** Shown once resolved; filled from the stored RCA unless someone is editing it. */
    void show(IncidentDetails details, Instant now) {
        IncidentStatus status = details.incident().status();
        setVisible(!status.open());
        if (status.open()) {
            return;
        }
        boolean closed = status == IncidentStatus.CLOSED;
        showDue(details, now, closed);
        if (closed || !edited) {
            fill(details.rca());
        }
        rootCause.setReadOnly(closed);
        factors.setReadOnly(closed);
        measures.setReadOnly(closed);
        saveButton.setVisible(!closed);
        closes.setVisible(!closed);
    }

    /** Lets the next refresh fill the form again (after a save, or for another incident). */
    void clearEdits() {
        edited = false;
    }

    private void showDue(IncidentDetails details, Instant now, boolean closed) {
        RootCauseAnalysis rca = details.rca();
        due.removeClassName("vigil-overdue");
        due.addClassName("vigil-hint");
        if (closed || details.rcaDueAt() == null) {
            due.setText(rca == null ? "" : "Written by " + rca.author() + " at "
                    + IncidentTexts.moment(rca.writtenAt(), now) + ".");
        } else if (details.rcaDueAt().isBefore(now) && rca == null) {
            due.setText("RCA overdue: it was due " + IncidentTexts.moment(details.rcaDueAt(), now) + " ("
                    + IncidentTexts.relative(details.rcaDueAt(), now) + ").");
            due.removeClassName("vigil-hint");
            due.addClassName("vigil-overdue");
        } else {
            due.setText("RCA due " + IncidentTexts.moment(details.rcaDueAt(), now) + " ("
                    + IncidentTexts.relative(details.rcaDueAt(), now) + ")"
                    + (rca == null ? "." : "; last saved by " + rca.author() + "."));
        }
    }

    private void fill(RootCauseAnalysis rca) {
        filling = true;
        try {
            rootCause.setValue(rca == null ? "" : rca.rootCause());
            factors.setValue(rca == null || rca.contributingFactors() == null ? "" : rca.contributingFactors());
            measures.setMeasures(rca == null ? List.of() : rca.preventionMeasures());
        } finally {
            filling = false;
        }
        clearInvalid();
    }

    private void edited() {
        if (!filling) {
            edited = true;
        }
    }

    private void save() {
        clearInvalid();
        measures.dropBlankRows();
        List<FieldViolation> problems = new ArrayList<>();
        if (rootCause.getValue().isBlank()) {
            problems.add(new FieldViolation("/rootCause", "is required"));
        }
        problems.addAll(measures.missingDescriptions());
        String contributing = factors.getValue().strip();
        Draft draft = new Draft(rootCause.getValue(), contributing.isEmpty() ? null : contributing,
                measures.measures());
        try {
            if (problems.isEmpty() && save.test(draft)) {
                edited = false;
            }
        } catch (InvalidRequestException e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            mark(problems);
        }
    }

    /** Puts each violation on its field; the ones no field stands for are spelled out. */
    private void mark(List<FieldViolation> violations) {
        List<String> unplaced = new ArrayList<>();
        for (FieldViolation v : violations) {
            HasValidation field = fieldOf(v.pointer());
            if (field == null) {
                unplaced.add(v.pointer() + " " + v.reason());
            } else {
                field.setErrorMessage(Character.toUpperCase(v.reason().charAt(0)) + v.reason().substring(1));
                field.setInvalid(true);
            }
        }
        Toasts.refused("RCA not saved: " + (unplaced.isEmpty() ? "see the marked fields."
                : String.join("; ", unplaced) + "."));
    }

    private HasValidation fieldOf(String pointer) {
        String[] parts = pointer.split("/");
        if (parts.length == 2 && parts[1].equals("rootCause")) {
            return rootCause;
        }
        if (parts.length == 2 && parts[1].equals("contributingFactors")) {
            return factors;
        }
        if (parts.length == 4 && parts[1].equals("preventionMeasures") && parts[2].matches("[0-9]{1,4}")) {
            return measures.field(Integer.parseInt(parts[2]), parts[3]);
        }
        return null;
    }

    private void clearInvalid() {
        List<HasValidation> fields = new ArrayList<>(measures.fields());
        fields.add(rootCause);
        fields.add(factors);
        fields.forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }
}

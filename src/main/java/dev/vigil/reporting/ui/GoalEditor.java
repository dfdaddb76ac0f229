package dev.vigil.reporting.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.base.FieldViolation;
import dev.vigil.reporting.ReportKpi;
import dev.vigil.reporting.ServiceTargets.Goal;
import dev.vigil.reporting.ServiceTargets.Term;

/** The goals of a service as editable rows (term, KPI, target, note); rows wrap on a phone. */
class GoalEditor extends VerticalLayout {

    private final List<GoalRow> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();

    GoalEditor() {
        setPadding(false);
        list.setPadding(false);
        Button add = new Button("Add goal", VaadinIcon.PLUS.create(), e -> addRow(null));
        add.setId("add-goal");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(list, add);
    }

    void setGoals(List<Goal> goals) {
        rows.clear();
        list.removeAll();
        goals.forEach(this::addRow);
    }

    /** The goals as entered; an empty target is sent as NaN so the rules name it. */
    List<Goal> goals() {
        return rows.stream().map(r -> new Goal(r.term.getValue(), r.kpi.getValue(),
                r.target.getValue() == null ? Double.NaN : r.target.getValue(),
                r.note.getValue().isBlank() ? null : r.note.getValue().strip())).toList();
    }

    /** Marks the field a violation such as {@code /goals/2/target} points at; false if it is not a goal's. */
    boolean mark(FieldViolation v) {
        String[] parts = v.pointer().split("/");
        if (parts.length < 4 || !parts[1].equals("goals")) {
            return false;
        }
        int index = Integer.parseInt(parts[2]);
        if (index >= rows.size()) {
            return false;
        }
        GoalRow row = rows.get(index);
        switch (parts[3]) {
            case "term" -> { row.term.setInvalid(true); row.term.setErrorMessage(v.reason()); }
            case "kpi" -> { row.kpi.setInvalid(true); row.kpi.setErrorMessage(v.reason()); }
            case "note" -> { row.note.setInvalid(true); row.note.setErrorMessage(v.reason()); }
            default -> { row.target.setInvalid(true); row.target.setErrorMessage(v.reason()); }
        }
        return true;
    }

    void clearMarks() {
        rows.forEach(r -> {
            r.term.setInvalid(false);
            r.kpi.setInvalid(false);
            r.target.setInvalid(false);
            r.note.setInvalid(false);
        });
    }

    private void addRow(Goal goal) {
        GoalRow row = new GoalRow();
        int index = rows.size();
        row.term.setId("goal-term-" + index);
        row.kpi.setId("goal-kpi-" + index);
        row.target.setId("goal-target-" + index);
        row.note.setId("goal-note-" + index);
        if (goal != null) {
            row.term.setValue(goal.term());
            row.kpi.setValue(goal.kpi());
            row.target.setValue(goal.target());
            row.note.setValue(goal.note() == null ? "" : goal.note());
        } else {
            row.term.setValue(Term.SHORT);
            row.kpi.setValue(ReportKpi.RESPONSE_P95_MS);
        }
        FlexLayout line = TargetsView.row();
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            rows.remove(row);
            list.remove(e.getSource().getParent().orElseThrow());
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove goal");
        line.add(row.term, row.kpi, row.target, row.note, remove);
        row.term.getStyle().set("flex", "0 1 7rem");
        row.kpi.getStyle().set("flex", "1 1 12rem");
        row.target.getStyle().set("flex", "0 1 7rem");
        row.note.getStyle().set("flex", "2 1 14rem");
        rows.add(row);
        list.add(line);
    }

    /** The fields of one goal. */
    private static final class GoalRow {
        final Select<Term> term = new Select<>();
        final Select<ReportKpi> kpi = new Select<>();
        final NumberField target = new NumberField();
        final TextField note = new TextField();

        GoalRow() {
            term.setItems(Term.values());
            term.setItemLabelGenerator(Term::apiName);
            term.setAriaLabel("Term");
            kpi.setItems(ReportKpi.values());
            kpi.setItemLabelGenerator(k -> k.apiName() + " (" + k.unit() + ", " + (k.higherIsBetter() ? "at least"
                    : "at most") + ")");
            kpi.setAriaLabel("KPI");
            target.setPlaceholder("Target");
            target.setAriaLabel("Target");
            note.setPlaceholder("Note");
            note.setAriaLabel("Note");
        }
    }
}

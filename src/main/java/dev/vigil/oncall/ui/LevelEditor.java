package dev.vigil.oncall.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One escalation level: whom to page (users and schedules) and how long to wait for an acknowledgement. */
class LevelEditor extends VerticalLayout {

    private final H4 title = new H4();
    private final TextField timeout = new TextField("Wait for acknowledgement");
    private final MultiSelectComboBox<TargetOption> targets = new MultiSelectComboBox<>("Page");
    private final Button remove = new Button(VaadinIcon.TRASH.create());

    LevelEditor(List<TargetOption> options, JsonNode level, Runnable onRemove) {
        setPadding(false);
        setSpacing(false);
        addClassName("vigil-card");
        timeout.setValue(level != null && level.hasNonNull("timeout") ? level.get("timeout").asString() : "PT5M");
        timeout.setHelperText("ISO-8601, e.g. PT5M, PT30M");
        targets.setItems(options);
        targets.setItemLabelGenerator(TargetOption::label);
        targets.setWidthFull();
        if (level != null && level.has("targets")) {
            Set<TargetOption> chosen = new LinkedHashSet<>();
            level.get("targets").forEach(t -> options.stream()
                    .filter(o -> o.type().equals(t.get("type").asString()) && o.ref().equals(t.get("ref").asString()))
                    .findFirst().ifPresent(chosen::add));
            targets.setValue(chosen);
        }
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove level");
        remove.addClickListener(e -> onRemove.run());
        HorizontalLayout heading = new HorizontalLayout(title, remove);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        FormLayout fields = new FormLayout(timeout, targets);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        fields.setColspan(targets, 2);
        add(heading, fields);
    }

    /** Numbers the level (from 0) for its title, its fields' ids and where its violations land. */
    void number(int index, ViolationMarks marks) {
        title.setText("Level " + (index + 1));
        timeout.setId("level-" + index + "-timeout");
        targets.setId("level-" + index + "-targets");
        marks.bind("/levels/" + index + "/timeout", timeout).bind("/levels/" + index + "/targets", targets);
    }

    ObjectNode json() {
        ObjectNode level = JsonNodeFactory.instance.objectNode();
        level.put("timeout", timeout.getValue());
        var list = level.putArray("targets");
        targets.getValue().forEach(t -> list.addObject().put("type", t.type()).put("ref", t.ref()));
        return level;
    }
}

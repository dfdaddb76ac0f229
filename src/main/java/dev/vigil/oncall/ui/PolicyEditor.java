package dev.vigil.oncall.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.OnCallResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits one escalation policy as the document the API speaks: its name, its levels in order and the
 * repeat count. What the form does not show (the owning team) is carried over untouched. The module
 * validates; the editor places its violations on the fields.
 */
class PolicyEditor extends VerticalLayout {

    private final OnCallManagement oncall;
    private final List<TargetOption> options;
    private final Consumer<JsonNode> afterSave;
    private final H3 title = new H3();
    private final TextField name = new TextField("Name");
    private final IntegerField repeat = new IntegerField("Repeat the whole policy");
    private final VerticalLayout levelList = new VerticalLayout();
    private final List<LevelEditor> levels = new ArrayList<>();
    private ObjectNode loaded = JsonNodeFactory.instance.objectNode();

    PolicyEditor(OnCallManagement oncall, List<TargetOption> options, boolean canSave, Consumer<JsonNode> afterSave) {
        this.oncall = oncall;
        this.options = options;
        this.afterSave = afterSave;
        setPadding(false);
        name.setId("policy-name");
        name.setWidthFull();
        repeat.setId("policy-repeat");
        repeat.setMin(0);
        repeat.setMax(10);
        repeat.setStepButtonsVisible(true);
        repeat.setHelperText("Times to start again from level 1 before the team's manager is told");
        levelList.setPadding(false);
        Button addLevel = new Button("Add level", VaadinIcon.PLUS.create(), e -> addLevel(null));
        addLevel.setId("add-level");
        Button save = new Button("Save policy", VaadinIcon.CHECK.create(), e -> save());
        save.setId("save-policy");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(canSave);
        HorizontalLayout actions = new HorizontalLayout(addLevel, save);
        actions.addClassName("vigil-actions");
        add(title, name, repeat, levelList, actions);
    }

    /** Shows a stored policy, or a new one with one five-minute level when {@code policy} is null. */
    void edit(JsonNode policy) {
        loaded = policy == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) policy.deepCopy();
        title.setText(policy == null ? "New escalation policy" : "Edit " + policy.get("name").asString());
        name.setValue(policy == null ? "" : policy.get("name").asString());
        repeat.setValue(policy == null ? 0 : policy.get("repeat").asInt());
        levels.clear();
        levelList.removeAll();
        if (policy == null) {
            addLevel(null);
        } else {
            policy.get("levels").forEach(this::addLevel);
        }
        renumber();
    }

    private void addLevel(JsonNode level) {
        LevelEditor[] editor = new LevelEditor[1];
        editor[0] = new LevelEditor(options, level, () -> {
            levels.remove(editor[0]);
            levelList.remove(editor[0]);
            renumber();
        });
        levels.add(editor[0]);
        levelList.add(editor[0]);
        renumber();
    }

    private ViolationMarks renumber() {
        ViolationMarks marks = new ViolationMarks().bind("/name", name).bind("/repeat", repeat);
        for (int i = 0; i < levels.size(); i++) {
            levels.get(i).number(i, marks);
        }
        return marks;
    }

    private void save() {
        ObjectNode policy = loaded.deepCopy();
        policy.put("name", name.getValue());
        if (repeat.getValue() != null) {
            policy.put("repeat", repeat.getValue());
        } else {
            policy.remove("repeat");
        }
        var list = policy.putArray("levels");
        levels.forEach(l -> list.add(l.json()));
        String id = loaded.hasNonNull("id") ? loaded.get("id").asString() : null;
        renumber().run("Not saved", () -> id == null ? oncall.create(OnCallResource.ESCALATION_POLICIES, policy)
                : oncall.update(OnCallResource.ESCALATION_POLICIES, id, policy)).ifPresent(saved -> {
            OnCallTexts.success("Saved escalation policy " + saved.get("name").asString() + ".");
            edit(saved);
            afterSave.accept(saved);
        });
    }
}

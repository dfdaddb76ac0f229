package dev.vigil.oncall.ui;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.OnCallOverview.ScheduleNow;
import dev.vigil.oncall.ScheduleOverride;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The overrides of one schedule, and a form to add one: someone covers a stretch of time, whatever the
 * rotation says. Times are entered in the schedule's own time zone.
 */
class OverridesPanel extends VerticalLayout {

    private final OnCallManagement oncall;
    private final Clock clock;
    private final Runnable afterChange;
    private final ComboBox<ScheduleNow> schedule = new ComboBox<>("Schedule");
    private final Grid<ScheduleOverride> grid = new Grid<>();
    private final ComboBox<String> user = new ComboBox<>("Who covers");
    private final DateTimePicker start = new DateTimePicker("From");
    private final DateTimePicker end = new DateTimePicker("Until");
    private final Button add = new Button("Add override", VaadinIcon.PLUS.create());
    private final ViolationMarks marks = new ViolationMarks();

    OverridesPanel(OnCallManagement oncall, SecurityManagement security, Clock clock, Runnable afterChange) {
        this.oncall = oncall;
        this.clock = clock;
        this.afterChange = afterChange;
        setPadding(false);
        schedule.setId("override-schedule");
        schedule.setItemLabelGenerator(ScheduleNow::name);
        schedule.addValueChangeListener(e -> showOverrides());
        user.setId("override-user");
        user.setItems(security.userDirectory().stream().map(UserSummary::username).toList());
        start.setId("override-start");
        end.setId("override-end");
        add.setId("add-override");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addOverride());
        boolean manager = security.currentCaller().map(c -> c.roles().contains("MANAGER")).orElse(false);
        add.setEnabled(manager);
        marks.bind("/user", user).bind("/start", start).bind("/end", end);
        FormLayout form = new FormLayout(user, start, end);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        grid.setId("overrides");
        grid.addColumn(ScheduleOverride::username).setHeader("Who").setKey("user").setFlexGrow(1);
        grid.addColumn(o -> OnCallTexts.time(o.start(), zone()) + " – " + OnCallTexts.time(o.end(), zone()))
                .setHeader("When").setKey("when").setFlexGrow(2);
        grid.addComponentColumn(o -> removeButton(o, manager)).setKey("remove").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No overrides.");
        add(new H3("Overrides"), schedule, grid, form, add);
    }

    /** Offers the schedules, keeping the chosen one (or choosing the first). */
    void showSchedules(List<ScheduleNow> schedules) {
        String chosen = schedule.getValue() == null ? null : schedule.getValue().id();
        schedule.setItems(schedules);
        schedules.stream().filter(s -> s.id().equals(chosen)).findFirst()
                .or(() -> schedules.stream().findFirst()).ifPresent(schedule::setValue);
        setVisible(!schedules.isEmpty());
    }

    private void showOverrides() {
        grid.setItems(schedule.getValue() == null ? List.of() : oncall.overrides(schedule.getValue().id()));
        start.setHelperText("Times in " + zone().getId());
        start.setValue(LocalDateTime.now(clock.withZone(zone())).withSecond(0).withNano(0));
    }

    private void addOverride() {
        if (schedule.getValue() == null) {
            return;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("user", user.getValue());
        if (start.getValue() != null) {
            json.put("start", start.getValue().atZone(zone()).toInstant().toString());
        }
        if (end.getValue() != null) {
            json.put("end", end.getValue().atZone(zone()).toInstant().toString());
        }
        marks.run("No override added", () -> oncall.addOverride(schedule.getValue().id(), json)).ifPresent(o -> {
            OnCallTexts.success(o.username() + " covers " + schedule.getValue().name() + " until "
                    + OnCallTexts.time(o.end(), zone()) + ".");
            end.clear();
            afterChange.run();
        });
    }

    private Component removeButton(ScheduleOverride override, boolean manager) {
        Button remove = new Button("Remove", e -> marks.run("Not removed", () -> {
            oncall.removeOverride(schedule.getValue().id(), override.id());
            return override;
        }).ifPresent(o -> afterChange.run()));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        remove.setEnabled(manager);
        return remove;
    }

    private ZoneId zone() {
        return schedule.getValue() == null ? OnCallTexts.ZONE : ZoneId.of(schedule.getValue().timeZone());
    }
}

package dev.vigil.alerting.ui;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.alerting.AlertingManagement;
import dev.vigil.alerting.Silence;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.ui.FieldErrors;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new silence: which alerts (matchers on their labels), from when and for how long, and why. A start
 * in the future makes it a planned maintenance window.
 */
class SilenceForm extends VerticalLayout {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final TextField matchers = new TextField("Matchers");
    private final DateTimePicker startsAt = new DateTimePicker("Starts");
    private final TextField duration = new TextField("Duration");
    private final DateTimePicker endsAt = new DateTimePicker("Ends");
    private final TextField comment = new TextField("Comment");
    private final FieldErrors errors = new FieldErrors();

    SilenceForm(AlertingManagement alerting, Runnable afterCreate) {
        setPadding(false);
        matchers.setId("matchers");
        matchers.setPlaceholder("service=checkout, alertname=~High.*");
        matchers.setHelperText("Labels of the alerts to mute: name=value, name!=value, name=~regex, name!~regex");
        matchers.setRequiredIndicatorVisible(true);
        startsAt.setId("starts-at");
        startsAt.setHelperText("Empty: now. A later start plans a maintenance window (times in " + ZONE.getId() + ")");
        duration.setId("duration");
        duration.setValue("PT2H");
        duration.setHelperText("ISO-8601, e.g. PT30M, PT2H, P1D; or set an end instead");
        endsAt.setId("ends-at");
        endsAt.setHelperText("Optional; takes precedence over the duration");
        comment.setId("comment");
        comment.setRequiredIndicatorVisible(true);
        comment.setPlaceholder("Why, e.g. database upgrade (change #123)");
        errors.bind("/matchers", matchers).bind("/startsAt", startsAt).bind("/duration", duration)
                .bind("/endsAt", endsAt).bind("/comment", comment);
        Button create = new Button("Create silence", VaadinIcon.BELL_SLASH.create(), e -> create(alerting, afterCreate));
        create.setId("create-silence");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(matchers, startsAt, duration, endsAt, comment);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("56em", 3));
        form.setColspan(matchers, 3);
        form.setColspan(comment, 3);
        add(new H3("New silence"), form, create);
    }

    private void create(AlertingManagement alerting, Runnable afterCreate) {
        try {
            ObjectNode json = json();
            Silence silence = Feedback.asRole("responder", () -> alerting.createSilence(json));
            if (silence != null) {
                Feedback.success("Silenced " + String.join(", ", silence.matchers().stream()
                        .map(Silence.Matcher::toString).toList()) + " until " + AlertTexts.time(silence.endsAt()) + ".");
                matchers.clear();
                comment.clear();
                startsAt.clear();
                endsAt.clear();
                // Emptying required fields marks them invalid; a fresh form should not look wrong.
                errors.clear();
                afterCreate.run();
            }
        } catch (InvalidRequestException e) {
            Feedback.problems("No silence created", e.violations(), errors.show(e.violations()));
        }
    }

    private ObjectNode json() {
        List<FieldViolation> local = new ArrayList<>();
        ObjectNode silence = JsonNodeFactory.instance.objectNode();
        silence.set("matchers", LabelText.matchers(matchers.getValue(), "/matchers", local));
        if (startsAt.getValue() != null) {
            silence.put("startsAt", instant(startsAt.getValue()));
        }
        if (endsAt.getValue() != null) {
            silence.put("endsAt", instant(endsAt.getValue()));
        } else if (!duration.getValue().isBlank()) {
            silence.put("duration", duration.getValue().strip());
        }
        silence.put("comment", comment.getValue());
        if (!local.isEmpty()) {
            throw new InvalidRequestException("The form has lines it cannot read", local);
        }
        return silence;
    }

    private static String instant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant().toString();
    }
}

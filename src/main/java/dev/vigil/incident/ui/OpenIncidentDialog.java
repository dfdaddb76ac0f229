package dev.vigil.incident.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.alerting.Severity;
import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentManagement;

/** Opens an incident by hand (something is wrong that no rule caught); it pages like any other. */
class OpenIncidentDialog extends Dialog {

    private final TextField title = new TextField("Title");
    private final TextField service = new TextField("Service");
    private final Select<Severity> severity = new Select<>();

    OpenIncidentDialog(IncidentManagement incidents, Consumer<Incident> opened) {
        setHeaderTitle("Open incident");
        setId("open-incident-dialog");
        title.setId("new-title");
        title.setRequired(true);
        title.setMaxLength(500);
        service.setId("new-service");
        service.setHelperText("Its escalation policy decides who is paged");
        severity.setId("new-severity");
        severity.setLabel("Severity");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(Severity::apiName);
        severity.setValue(Severity.HIGH);
        FormLayout form = new FormLayout(title, service, severity);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button open = new Button("Open and page", e -> open(incidents, opened));
        open.setId("confirm-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, open);
    }

    private void open(IncidentManagement incidents, Consumer<Incident> opened) {
        String text = title.getValue().strip();
        if (text.isEmpty()) {
            title.setErrorMessage("Say what is wrong");
            title.setInvalid(true);
            return;
        }
        String name = service.getValue().strip();
        Toasts.attempt(() -> incidents.open(text, name.isEmpty() ? null : name, severity.getValue()))
                .ifPresent(incident -> {
                    close();
                    Toasts.done(incident.id() + " opened");
                    opened.accept(incident);
                });
    }
}

package dev.vigil.security.ui;

import java.util.EnumSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.base.ui.FieldErrors;
import dev.vigil.security.IssuedApiToken;
import dev.vigil.security.Scope;
import dev.vigil.security.SecurityManagement;

/**
 * Creates an API token and then shows its value, once: Vigil stores only its hash, so closing this
 * dialog is the last chance to copy it.
 */
class NewTokenDialog extends Dialog {

    private final SecurityManagement security;
    private final Runnable created;
    private final TextField name = new TextField("Name");
    private final CheckboxGroup<Scope> scopes = new CheckboxGroup<>("Scopes");
    private final Button create = new Button("Create");

    NewTokenDialog(SecurityManagement security, Runnable created) {
        this.security = security;
        this.created = created;
        setHeaderTitle("New API token");
        setWidth("min(32rem, 95vw)");
        name.setId("token-name");
        name.setHelperText("Who or what uses it, e.g. ci-deploy or prometheus-push");
        name.setWidthFull();
        scopes.setId("token-scopes");
        scopes.setItems(Scope.values());
        scopes.setItemLabelGenerator(Scope::value);
        scopes.setValue(EnumSet.of(Scope.API_READ));
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        VerticalLayout form = new VerticalLayout(name, scopes);
        form.setPadding(false);
        add(form);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private void create() {
        FieldErrors marks = new FieldErrors().bind("/name", name).bind("/scopes", scopes);
        IssuedApiToken issued = AdminTexts.attempt(marks, () -> security.createApiToken(name.getValue(),
                scopes.getValue().stream().map(Scope::value).toList()));
        if (issued != null) {
            showOnce(issued);
            created.run();
        }
    }

    private void showOnce(IssuedApiToken issued) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Token “" + issued.token().name() + "” created");
        TextField value = new TextField("Token");
        value.setId("new-token-value");
        value.setValue(issued.value());
        value.setReadOnly(true);
        value.setWidthFull();
        // Selected on open, so Ctrl+C copies it even where the clipboard API is not allowed.
        value.addAttachListener(e -> value.getElement().executeJs("this.inputElement.select()"));
        Paragraph warning = new Paragraph("Copy it now: it will not be shown again. Vigil keeps only a hash of it. "
                + "Send it as 'Authorization: Bearer <token>'.");
        warning.setId("new-token-warning");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> {
            value.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", issued.value());
            AdminTexts.success("Copied.");
        });
        copy.setId("copy-token");
        add(new VerticalLayout(value, warning));
        Button done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(copy, done);
    }
}

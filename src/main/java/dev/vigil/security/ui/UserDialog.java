package dev.vigil.security.ui;

import java.util.EnumSet;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.base.ui.FieldErrors;
import dev.vigil.security.Role;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;

/**
 * Creates a user, or changes one: roles, disabled or enabled, a new password. Each action is its own
 * change (and audit row), so setting a password does not also resubmit the roles.
 */
final class UserDialog {

    private UserDialog() {
    }

    static Dialog create(SecurityManagement security, Runnable saved) {
        Dialog dialog = dialog("New user");
        TextField username = new TextField("Username");
        username.setId("user-username");
        TextField displayName = new TextField("Display name");
        PasswordField password = password();
        CheckboxGroup<Role> roles = roles(EnumSet.of(Role.RESPONDER));
        FieldErrors marks = new FieldErrors().bind("/username", username).bind("/displayName", displayName)
                .bind("/password", password).bind("/roles", roles);
        Button create = new Button("Create", e -> {
            UserSummary user = AdminTexts.attempt(marks, () -> security.createUser(username.getValue().strip(),
                    displayName.getValue(), password.getValue(), roles.getValue()));
            if (user != null) {
                AdminTexts.success("Created " + user.username() + "; they can log in now.");
                dialog.close();
                saved.run();
            }
        });
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form(username, displayName, password, roles));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        return dialog;
    }

    static Dialog edit(SecurityManagement security, UserSummary user, Runnable saved) {
        Dialog dialog = dialog(user.displayName() + " (" + user.username() + ")");
        CheckboxGroup<Role> roles = roles(user.roles());
        Button saveRoles = new Button("Save roles", e -> {
            UserSummary changed = AdminTexts.attempt(new FieldErrors().bind("/roles", roles),
                    () -> security.changeRoles(user.username(), roles.getValue()));
            done(dialog, saved, changed, "Roles saved; they apply from " + user.username() + "'s next login.");
        });
        saveRoles.setId("save-roles");
        PasswordField password = password();
        Button setPassword = new Button("Set password", e -> {
            UserSummary changed = AdminTexts.attempt(new FieldErrors().bind("/password", password),
                    () -> security.resetPassword(user.username(), password.getValue()));
            done(dialog, saved, changed, "New password set for " + user.username() + ".");
        });
        setPassword.setId("set-password");
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> {
            UserSummary changed = AdminTexts.attempt(new FieldErrors(),
                    () -> security.setEnabled(user.username(), !user.enabled()));
            done(dialog, saved, changed, user.username() + (user.enabled() ? " can no longer log in." : " can log in again."));
        });
        toggle.setId("toggle-enabled");
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.add(form(new Paragraph(user.enabled() ? "Enabled: can log in." : "Disabled: cannot log in."), roles,
                saveRoles, password, setPassword, toggle));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        return dialog;
    }

    private static void done(Dialog dialog, Runnable saved, UserSummary changed, String message) {
        if (changed != null) {
            AdminTexts.success(message);
            dialog.close();
            saved.run();
        }
    }

    private static Dialog dialog(String title) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(32rem, 95vw)");
        return dialog;
    }

    private static VerticalLayout form(com.vaadin.flow.component.Component... fields) {
        VerticalLayout form = new VerticalLayout(fields);
        form.setPadding(false);
        form.getChildren().filter(c -> c instanceof com.vaadin.flow.component.HasSize)
                .forEach(c -> ((com.vaadin.flow.component.HasSize) c).setWidthFull());
        return form;
    }

    private static PasswordField password() {
        PasswordField password = new PasswordField("Password");
        password.setId("user-password");
        password.setHelperText("At least " + SecurityManagement.MIN_PASSWORD_LENGTH + " characters; a passphrase is best");
        return password;
    }

    private static CheckboxGroup<Role> roles(Set<Role> selected) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setId("user-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> switch (r) {
            case RESPONDER -> "Responder (view, acknowledge, resolve, RCA)";
            case MANAGER -> "Manager (+ reports, policies, schedules, targets)";
            case ADMIN -> "Admin (+ users, tokens, integrations)";
        });
        roles.setValue(selected);
        return roles;
    }
}

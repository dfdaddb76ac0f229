package dev.vigil.alerting.ui;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import dev.vigil.base.FieldViolation;

/** Short messages after an action, and the one place a refusal by method security becomes words. */
final class Feedback {

    private Feedback() {
    }

    static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * "Not saved: 2 problems, marked on the fields." Problems no field stands for are spelled out, since
     * nothing else on the screen shows them.
     */
    static void problems(String what, List<FieldViolation> violations, List<FieldViolation> unplaced) {
        String text = what + ": " + violations.size() + (violations.size() == 1 ? " problem" : " problems");
        if (unplaced.size() < violations.size()) {
            text += ", marked on the fields";
        }
        if (!unplaced.isEmpty()) {
            text += ". " + String.join("; ", unplaced.stream().map(v -> v.pointer() + " " + v.reason()).toList());
        }
        Notification.show(text + ".", 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Runs a change the module API may refuse for the caller's role (a role can be taken away while a
     * screen is open, so a disabled button is not enough); null when refused.
     */
    static <T> T asRole(String role, Supplier<T> change) {
        try {
            return change.get();
        } catch (AccessDeniedException e) {
            error("You need the " + role + " role to do this.");
            return null;
        }
    }
}

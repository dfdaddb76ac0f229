package dev.vigil.incident.ui;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import dev.vigil.base.ConflictException;
import dev.vigil.base.NotFoundException;

/**
 * What a responder is told after tapping a button, across the bottom of the screen where a thumb is.
 * Refusals by the module (the incident moved on meanwhile, a role is missing) become a sentence.
 */
final class Toasts {

    private Toasts() {
    }

    static void done(String text) {
        show(text, 4000, NotificationVariant.LUMO_SUCCESS);
    }

    static void refused(String text) {
        show(text, 8000, NotificationVariant.LUMO_ERROR);
    }

    /** Runs an action; empty (and said why) when the module refuses it as a whole. */
    static <T> Optional<T> attempt(Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (ConflictException | NotFoundException e) {
            refused(e.getMessage());
        } catch (AccessDeniedException e) {
            refused("This needs the responder role.");
        }
        return Optional.empty();
    }

    private static void show(String text, int millis, NotificationVariant variant) {
        Notification notification = Notification.show(text, millis, Notification.Position.BOTTOM_STRETCH);
        notification.addThemeVariants(variant);
    }
}

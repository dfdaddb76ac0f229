package dev.vigil.security.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import dev.vigil.base.ui.FieldErrors;
import dev.vigil.base.ConflictException;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;

/** Times, lists and the short messages of the admin screen, and the one place its refusals become words. */
final class AdminTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private AdminTexts() {
    }

    static String time(Instant at) {
        return at == null ? "never" : TIME.format(at);
    }

    static String preciseTime(Instant at) {
        return at == null ? "" : SECONDS.format(at);
    }

    static String joined(Collection<?> items) {
        return String.join(", ", items.stream().map(Object::toString).sorted().toList());
    }

    static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Runs a change; field violations go onto the form's fields, the rest (the last admin, a user gone
     * meanwhile, a role taken away while the screen was open) into a message. Null when refused.
     */
    static <T> T attempt(FieldErrors marks, Supplier<T> change) {
        try {
            T result = change.get();
            marks.show(java.util.List.of());
            return result;
        } catch (InvalidRequestException e) {
            String elsewhere = marks.show(e.violations()).stream().map(v -> v.pointer() + " " + v.reason())
                    .collect(java.util.stream.Collectors.joining("; "));
            error("Not saved: " + (elsewhere.isEmpty() ? "see the marked fields" : elsewhere) + ".");
        } catch (ConflictException | NotFoundException e) {
            error(e.getMessage());
        } catch (AccessDeniedException e) {
            error("You need the admin role to do this.");
        }
        return null;
    }
}

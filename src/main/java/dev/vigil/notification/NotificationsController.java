package dev.vigil.notification;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;
import dev.vigil.base.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/notifications}: the delivery log, and retrying a failed notification. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationsController {

    private static final Set<String> STATUSES = Set.of(Notification.PENDING, Notification.SENT, Notification.FAILED);
    private static final Set<String> CHANNELS = Set.of(Channels.SMS, Channels.TOPIC, Channels.WEBHOOK, LogNotifier.CHANNEL);

    private final NotificationManagement notifications;

    NotificationsController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The delivery log, newest first; filter by status, channel and incident")
    PageResponse<Notification> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String incident,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 500);
        String wantedStatus = known("/status", status, STATUSES);
        String wantedChannel = known("/channel", channel, CHANNELS);
        NotificationFilter filter = new NotificationFilter(wantedStatus, wantedChannel, incident);
        return PageResponse.of(notifications.deliveries(filter, page, size), page, size, notifications.count(filter));
    }

    @GetMapping("/{id}")
    Notification get(@PathVariable long id) {
        return notifications.delivery(id).orElseThrow(() -> new NotFoundException("No notification " + id));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Queue a failed notification again for a fresh round of attempts (409 unless FAILED)")
    Notification retry(@PathVariable long id) {
        return notifications.retry(id);
    }

    private static String known(String pointer, String value, Set<String> allowed) {
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new InvalidRequestException("Unknown " + pointer.substring(1), List.of(new FieldViolation(pointer,
                    "'" + value + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()))));
        }
        return upper;
    }
}

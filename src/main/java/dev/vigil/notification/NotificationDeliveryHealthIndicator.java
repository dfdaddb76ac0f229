package dev.vigil.notification;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code notificationDelivery} on {@code /actuator/health}: {@code DEGRADED} while notifications are not
 * getting out (ranked between DOWN and UP, answered with 200: Vigil itself works and keeps queueing them),
 * {@code UP} otherwise, {@code UNKNOWN} when the outbox cannot be read (the {@code db} component says why).
 */
@Component("notificationDelivery")
class NotificationDeliveryHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Notifications are failing or backing up");

    private final NotificationManagement notifications;

    NotificationDeliveryHealthIndicator(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @Override
    public Health health() {
        DeliveryHealth health;
        try {
            health = notifications.deliveryHealth();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", "The outbox cannot be read: " + e.getMessage()).build();
        }
        Health.Builder builder = health.degraded() ? Health.status(DEGRADED).withDetail("reason", health.reason())
                : Health.up();
        builder.withDetail("pending", health.pending())
                .withDetail("oldestPendingSeconds", health.oldestPending().toSeconds())
                .withDetail("recentRetries", health.recentRetries())
                .withDetail("recentThrottles", health.recentThrottles())
                .withDetail("recentFailures", health.recentFailures())
                .withDetail("lastSuccess", health.lastSuccess() == null ? "none since start" : health.lastSuccess().toString());
        if (health.lastError() != null) {
            builder.withDetail("lastError", health.lastError());
        }
        return builder.build();
    }
}

package dev.vigil.notification;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Vigil's own delivery figures on {@code /actuator/prometheus}: {@code vigil_notifications_sent_total},
 * {@code …_failed_total}, {@code …_retries_total} (by channel; throttled retries labelled), the time
 * from queueing to the provider's acceptance, and the rows waiting.
 */
@Component
class NotificationMeters {

    private final MeterRegistry registry;

    NotificationMeters(MeterRegistry registry, OutboxRepository outbox) {
        this.registry = registry;
        Gauge.builder("vigil.notifications.pending", outbox, o -> o.countByStatus(Notification.PENDING))
                .description("Notifications queued and not yet sent")
                .register(registry);
    }

    void sent(String channel, Duration sinceQueued) {
        Counter.builder("vigil.notifications.sent").tag("channel", channel).register(registry).increment();
        Timer.builder("vigil.notifications.delivery.delay").tag("channel", channel)
                .description("From queueing a notification to its provider accepting it")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry).record(sinceQueued);
    }

    void retried(String channel, boolean throttled) {
        Counter.builder("vigil.notifications.retries").tag("channel", channel).tag("throttled", String.valueOf(throttled))
                .register(registry).increment();
    }

    void failed(String channel) {
        Counter.builder("vigil.notifications.failed").tag("channel", channel).register(registry).increment();
    }
}

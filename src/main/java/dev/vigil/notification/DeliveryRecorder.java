package dev.vigil.notification;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what a send came to: sent, another attempt later, or failed for good — then, in the same
 * transaction, the row on the recipient's next contact method and the {@link NotificationFailed} event,
 * so a failure is never recorded without its fallback or its news.
 */
@Component
class DeliveryRecorder {

    private static final Logger log = LoggerFactory.getLogger("vigil.notifications");

    private final OutboxRepository outbox;
    private final Channels channels;
    private final NotificationMeters meters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryRecorder(OutboxRepository outbox, Channels channels, NotificationMeters meters,
            ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.meters = meters;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void record(Message message, String claim, Delivery delivery, long nextAttemptAt) {
        long now = clock.millis();
        switch (delivery.outcome()) {
            case SENT -> {
                if (outbox.markSent(message.id(), claim, now, delivery.providerMessageId())) {
                    meters.sent(message.channel(), Duration.ofMillis(now - message.createdAt().toEpochMilli()));
                }
            }
            case RETRY -> {
                if (outbox.markRetry(message.id(), claim, now, nextAttemptAt, delivery.error(), !delivery.throttled())) {
                    meters.retried(message.channel(), delivery.throttled());
                    log.info("Notification {} on {} is tried again in {} ms: {}", message.id(), message.channel(),
                            nextAttemptAt - now, delivery.error());
                }
            }
            case FAILED -> {
                if (outbox.markFailed(message.id(), claim, now, delivery.error())) {
                    log.warn("Notification {} to {} on {} failed for good: {}", message.id(), message.recipient(),
                            message.channel(), delivery.error());
                    meters.failed(message.channel());
                    String fallbackChannel = fallBack(message, delivery, now);
                    events.publishEvent(new NotificationFailed(message.id(), message.incidentId(), message.recipient(),
                            message.channel(), message.address(), delivery.error(), fallbackChannel));
                }
            }
        }
    }

    private String fallBack(Message message, Delivery delivery, long now) {
        if (delivery.fallbackTo() == null) {
            return null;
        }
        Channels.Route route = channels.route(delivery.fallbackTo());
        var remaining = message.fallback().subList(1, message.fallback().size());
        outbox.insert(new OutboxRepository.NewRow(message.incidentId(), message.recipient(), route.channel(),
                route.address(), message.kind(), message.subject(), message.text(), message.longText(), remaining,
                message.id()), now);
        return route.channel();
    }
}

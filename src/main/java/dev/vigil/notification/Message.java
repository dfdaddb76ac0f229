package dev.vigil.notification;

import java.time.Instant;
import java.util.List;

/**
 * One outbox row as a notifier sees it.
 *
 * @param text the short text (the SMS, with its acknowledge link)
 * @param longText the richer text for topics and webhooks
 * @param fallback the recipient's remaining contact methods, in the order to try
 */
public record Message(long id, String incidentId, String recipient, String channel, String address, String kind,
        String subject, String text, String longText, int attempts, List<NotificationRequest.Address> fallback,
        Instant createdAt) {

    public Message {
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }
}

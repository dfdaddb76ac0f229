package dev.vigil.notification;

import java.time.Instant;

/** One row of the outbox: a message to one recipient on one channel, and how its delivery went. */
public record Notification(long id, String incidentId, String recipient, String channel, String address,
        String kind, String message, String status, int attempts, Instant createdAt, Instant sentAt,
        String providerMessageId, String lastError) {
}

package dev.vigil.notification;

import java.time.Instant;

/**
 * One row of the outbox: a message to one recipient on one channel, and how its delivery went.
 *
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param nextAttemptAt when a pending row is (re)tried
 * @param fallbackOf the failed row this one replaces on the recipient's next contact method, or null
 */
public record Notification(long id, String incidentId, String recipient, String channel, String address,
        String kind, String message, String status, int attempts, Instant createdAt, Instant sentAt,
        String providerMessageId, String lastError, Instant nextAttemptAt, Long fallbackOf) {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
}

package dev.vigil.notification;

/**
 * A notification failed for good on one channel (published in the transaction that records it).
 *
 * @param fallbackChannel the channel tried next for the same recipient, or null when none is left
 */
public record NotificationFailed(long notificationId, String incidentId, String recipient, String channel,
        String address, String error, String fallbackChannel) {
}

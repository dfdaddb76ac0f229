package dev.vigil.notification;

/** Which outbox rows to list; a null field does not filter. */
public record NotificationFilter(String status, String channel, String incidentId) {

    public static final NotificationFilter ALL = new NotificationFilter(null, null, null);
}

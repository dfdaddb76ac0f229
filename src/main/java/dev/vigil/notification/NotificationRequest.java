package dev.vigil.notification;

/**
 * What the incident module asks to be sent: a message about an incident to one person (or, with no
 * username, to an address such as a topic). {@code kind} says why: page, escalation, reminder, ...
 */
public record NotificationRequest(String incidentId, String username, String kind, String shortText,
        String longText, java.util.List<Address> addresses) {

    public NotificationRequest {
        addresses = addresses == null ? java.util.List.of() : java.util.List.copyOf(addresses);
    }

    /** A contact method to try, in order: type (SMS, WEBHOOK, TOPIC) and address. */
    public record Address(String type, String address) {
    }
}

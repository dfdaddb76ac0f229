package dev.vigil.notification;

import java.util.List;

/**
 * What another module asks to be sent: a message about an incident to one person (or, with no
 * username, to an address such as a topic). {@code kind} says why: page, escalation, reminder, ...
 *
 * @param shortText the SMS text without a link; the notification module adds the link
 * @param longText the richer text for topics and webhooks
 * @param acknowledgeLink whether the SMS carries a one-tap acknowledge link (else a link to the incident)
 * @param addresses the recipient's contact methods in the order to try; none means the log channel
 */
public record NotificationRequest(String incidentId, String username, String kind, String subject, String shortText,
        String longText, boolean acknowledgeLink, List<Address> addresses) {

    public NotificationRequest {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    /** A contact method to try: type ({@code SMS}, {@code WEBHOOK}, {@code TOPIC}) and address. */
    public record Address(String type, String address) {

        /** The outbox's one-line form, {@code SMS +15550001111}. */
        String line() {
            return type + " " + address;
        }

        static Address ofLine(String line) {
            int space = line.indexOf(' ');
            return new Address(line.substring(0, space), line.substring(space + 1));
        }
    }
}

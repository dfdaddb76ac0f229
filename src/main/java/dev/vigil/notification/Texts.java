package dev.vigil.notification;

/** The words of a notification on each channel: one SMS segment where possible, more for topics and webhooks. */
final class Texts {

    /** One GSM-7 SMS segment; longer texts are split by the carrier and may arrive out of order. */
    static final int SMS_SEGMENT = 160;
    private static final int SHORTEST_TEXT = 40;

    private Texts() {
    }

    /**
     * {@code [Vigil] CRITICAL INC-42 checkout p95 812ms > 500ms. Ack: https://…/a/Xy7…}: the text is
     * shortened (never the link) so that the whole fits one segment; "..." rather than "…" because one
     * character outside GSM-7 would turn the SMS into 70-character UCS-2 segments.
     */
    static String sms(String text, String linkLabel, String link) {
        String tail = link == null ? "" : " " + linkLabel + ": " + link;
        String body = text.strip();
        int room = Math.max(SHORTEST_TEXT, SMS_SEGMENT - tail.length());
        if (body.length() > room) {
            body = body.substring(0, room - 3).stripTrailing() + "...";
        }
        return body + tail;
    }

    static String rich(String subject, String text, String acknowledgeLink, String incidentLink) {
        StringBuilder rich = new StringBuilder(subject == null ? "" : subject + "\n\n");
        rich.append(text == null ? "" : text.strip());
        if (acknowledgeLink != null) {
            rich.append("\n\nAcknowledge: ").append(acknowledgeLink);
        }
        if (incidentLink != null) {
            rich.append(acknowledgeLink == null ? "\n\n" : "\n").append("Incident: ").append(incidentLink);
        }
        return rich.toString();
    }
}

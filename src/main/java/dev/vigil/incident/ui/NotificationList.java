package dev.vigil.incident.ui;

import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import dev.vigil.notification.Notification;

/**
 * Who was told, on which channel, and whether it arrived: a failed SMS is the first thing to look at
 * when nobody reacted. Messages on the {@code log} channel went nowhere but the log, and say so.
 */
class NotificationList extends Div {

    private final UnorderedList rows = new UnorderedList();
    private final Paragraph none = new Paragraph("Nobody has been notified about this incident.");

    private final LongConsumer retry;

    /** @param retry queues a failed notification again */
    NotificationList(LongConsumer retry) {
        this.retry = retry;
        addClassName("vigil-incident-section");
        rows.setId("notifications");
        rows.addClassName("vigil-timeline");
        none.addClassName("vigil-hint");
        add(new H3("Notifications"), none, rows);
    }

    void show(List<Notification> notifications, Instant now) {
        rows.removeAll();
        none.setVisible(notifications.isEmpty());
        notifications.forEach(n -> rows.add(row(n, now)));
    }

    private ListItem row(Notification n, Instant now) {
        Span recipient = new Span(n.recipient());
        recipient.addClassName("vigil-notification-recipient");
        Span channel = new Span("log".equalsIgnoreCase(n.channel()) ? "log only: " + n.address()
                : n.channel() + (n.address() == null ? "" : " " + n.address()));
        channel.addClassName("vigil-hint");
        Span status = new Span(n.status());
        status.getElement().setAttribute("theme", "badge small " + switch (n.status()) {
            case "SENT" -> "success";
            case "FAILED" -> "error";
            default -> "contrast";
        });
        Span at = new Span(IncidentTexts.moment(n.sentAt() == null ? n.createdAt() : n.sentAt(), now));
        at.addClassName("vigil-timeline-at");
        Div meta = new Div(at, status, recipient, channel);
        meta.addClassName("vigil-timeline-meta");
        Div message = new Div(n.message());
        message.addClassName("vigil-timeline-message");
        ListItem row = new ListItem(meta, message);
        row.addClassName("vigil-timeline-entry");
        if (("FAILED".equals(n.status()) || "PENDING".equals(n.status())) && n.lastError() != null) {
            Div error = new Div("After " + n.attempts() + (n.attempts() == 1 ? " attempt: " : " attempts: ")
                    + n.lastError());
            error.addClassName("vigil-notification-error");
            row.add(error);
        }
        if ("SENT".equals(n.status()) && n.providerMessageId() != null && !"LOG".equals(n.channel())) {
            Div provider = new Div("Provider message id " + n.providerMessageId());
            provider.addClassName("vigil-hint");
            row.add(provider);
        }
        if ("FAILED".equals(n.status())) {
            Button again = new Button("Retry", e -> retry.accept(n.id()));
            again.addThemeVariants(ButtonVariant.LUMO_SMALL);
            again.setId("retry-notification-" + n.id());
            row.add(again);
        }
        return row;
    }
}

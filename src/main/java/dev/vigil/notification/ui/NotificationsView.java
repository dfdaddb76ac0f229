package dev.vigil.notification.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification.Position;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.base.ui.LiveRefresh;
import dev.vigil.base.ui.WindowWidth;
import dev.vigil.notification.Notification;
import dev.vigil.notification.NotificationFilter;
import dev.vigil.notification.NotificationManagement;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.security.SecurityManagement;

/**
 * The delivery log of every notification: where it went, whether it arrived, how often it was tried
 * and why it failed; failed ones can be queued again. Also where a person checks that Vigil can reach
 * them (a test notification to one of their contact methods).
 */
@Route("notifications")
@PageTitle("Notifications · Vigil")
@PermitAll
class NotificationsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String ANY = "Any";

    private final NotificationManagement notifications;
    private final Grid<Notification> grid = new Grid<>();
    private final Select<String> status = new Select<>();
    private final Select<String> channel = new Select<>();

    NotificationsView(NotificationManagement notifications, OnCallManagement oncall, SecurityManagement security) {
        this.notifications = notifications;
        addClassName("vigil-view");
        add(new H2("Notifications"), channelsLine(), new TestNotificationForm(notifications, oncall, security, this::refresh),
                new H3("Delivery log"), filters(), grid());
        LiveRefresh.every(5000, this, this::refresh);
    }

    private Component channelsLine() {
        String sms = notifications.channelConfigured("SMS") ? "SMS and topics go out through AWS SNS."
                : "SNS is not configured: SMS and topic messages go only to the log channel (shown as LOG).";
        Paragraph line = new Paragraph(sms + " Webhooks are always on.");
        line.addClassName("vigil-hint");
        line.setId("channels");
        return line;
    }

    private Component filters() {
        status.setLabel("Status");
        status.setItems(ANY, Notification.PENDING, Notification.SENT, Notification.FAILED);
        status.setValue(ANY);
        channel.setLabel("Channel");
        channel.setItems(ANY, "SMS", "TOPIC", "WEBHOOK", "LOG");
        channel.setValue(ANY);
        status.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(status, channel);
        filters.setWrap(true);
        return filters;
    }

    private Grid<Notification> grid() {
        grid.setId("deliveries");
        grid.addColumn(n -> TIME.format(n.createdAt())).setHeader("Queued").setKey("queued").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(NotificationsView::statusBadge).setHeader("Status").setKey("status").setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<Notification> recipient = grid.addColumn(n -> n.recipient() == null ? "everyone" : n.recipient())
                .setHeader("To").setKey("recipient").setAutoWidth(true);
        grid.addColumn(n -> n.channel() + " " + n.address()).setHeader("Channel").setKey("channel").setFlexGrow(1)
                .setTooltipGenerator(n -> n.channel() + " " + n.address());
        Grid.Column<Notification> incident = grid.addComponentColumn(NotificationsView::incidentLink)
                .setHeader("Incident").setKey("incident").setAutoWidth(true).setFlexGrow(0);
        Grid.Column<Notification> attempts = grid.addColumn(Notification::attempts).setHeader("Attempts")
                .setKey("attempts").setAutoWidth(true).setFlexGrow(0);
        Grid.Column<Notification> outcome = grid.addColumn(NotificationsView::outcome).setHeader("Provider id / last error")
                .setKey("outcome").setFlexGrow(2);
        grid.addComponentColumn(this::retryButton).setHeader("").setKey("retry").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(Notification::message));
        grid.setItems(q -> slice(q.getOffset(), q.getLimit()).stream(),
                q -> (int) notifications.count(filter()));
        grid.setPageSize(50);
        grid.setEmptyStateText("Nothing has been sent yet.");
        grid.setHeight("32rem");
        WindowWidth.follow(grid, width -> List.of(recipient, incident, attempts, outcome)
                .forEach(c -> c.setVisible(width >= 800)));
        return grid;
    }

    /** The API pages by number and size; a grid may ask for any offset, so read the pages that cover it. */
    private List<Notification> slice(int offset, int limit) {
        int first = offset / limit;
        List<Notification> rows = new java.util.ArrayList<>(notifications.deliveries(filter(), first, limit));
        if (offset % limit != 0) {
            rows.addAll(notifications.deliveries(filter(), first + 1, limit));
        }
        int from = Math.min(offset - first * limit, rows.size());
        return rows.subList(from, Math.min(from + limit, rows.size()));
    }

    private NotificationFilter filter() {
        return new NotificationFilter(ANY.equals(status.getValue()) ? null : status.getValue(),
                ANY.equals(channel.getValue()) ? null : channel.getValue(), null);
    }

    private Component retryButton(Notification row) {
        if (!Notification.FAILED.equals(row.status())) {
            return new Span();
        }
        Button retry = new Button("Retry", e -> {
            try {
                notifications.retry(row.id());
                toast("Queued notification " + row.id() + " again.", NotificationVariant.LUMO_SUCCESS);
            } catch (AccessDeniedException denied) {
                toast("You need the responder role to retry.", NotificationVariant.LUMO_ERROR);
            } catch (RuntimeException conflict) {
                toast(conflict.getMessage(), NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        retry.setId("retry-" + row.id());
        return retry;
    }

    private static Component statusBadge(Notification row) {
        Span badge = new Span(row.status());
        badge.getElement().setAttribute("theme", "badge small " + switch (row.status()) {
            case Notification.SENT -> "success";
            case Notification.FAILED -> "error";
            default -> "contrast";
        });
        return badge;
    }

    private static Component incidentLink(Notification row) {
        return row.incidentId() == null ? new Span(row.kind()) : new Anchor("incidents/" + row.incidentId(), row.incidentId());
    }

    private static String outcome(Notification row) {
        if (Notification.FAILED.equals(row.status()) || (row.lastError() != null && !Notification.SENT.equals(row.status()))) {
            return row.lastError();
        }
        return row.providerMessageId() == null ? "" : row.providerMessageId();
    }

    static void toast(String text, NotificationVariant variant) {
        com.vaadin.flow.component.notification.Notification.show(text, 4000, Position.BOTTOM_START)
                .addThemeVariants(variant);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }
}

package dev.vigil.notification.ui;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import dev.vigil.notification.NotificationManagement;
import dev.vigil.notification.NotificationRequest;
import dev.vigil.oncall.ContactMethod;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.Recipient;
import dev.vigil.security.Caller;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;

/** "Can Vigil reach me?": a test message to one contact method; admins may test anyone's. */
class TestNotificationForm extends VerticalLayout {

    private final NotificationManagement notifications;
    private final OnCallManagement oncall;
    private final ComboBox<String> user = new ComboBox<>("Person");
    private final Select<ContactMethod> method = new Select<>();

    TestNotificationForm(NotificationManagement notifications, OnCallManagement oncall, SecurityManagement security,
            Runnable sent) {
        this.notifications = notifications;
        this.oncall = oncall;
        setPadding(false);
        setId("test-notification");
        Caller caller = security.currentCaller().orElseThrow();
        boolean admin = caller.roles().contains("ADMIN");
        user.setItems(admin ? security.userDirectory().stream().map(UserSummary::username).toList() : List.of(caller.name()));
        user.setValue(caller.name());
        user.setReadOnly(!admin);
        method.setLabel("Contact method");
        method.setItemLabelGenerator(c -> c.type() + " " + c.address());
        method.setEmptySelectionAllowed(false);
        user.addValueChangeListener(e -> loadMethods());
        Button send = new Button("Send test notification", e -> send(sent));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("send-test");
        HorizontalLayout row = new HorizontalLayout(user, method, send);
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3("Test a contact method"), row);
        loadMethods();
    }

    private void loadMethods() {
        List<ContactMethod> methods = user.getValue() == null ? List.of()
                : oncall.recipient(user.getValue()).map(Recipient::contactMethods).orElse(List.of());
        method.setItems(methods);
        method.setPlaceholder(methods.isEmpty() ? "No contact methods" : null);
        if (!methods.isEmpty()) {
            method.setValue(methods.getFirst());
        }
    }

    private void send(Runnable sent) {
        ContactMethod chosen = method.getValue();
        if (chosen == null) {
            NotificationsView.toast("Pick a contact method first; " + user.getValue() + " has none yet.",
                    NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            long id = notifications.sendTest(user.getValue(), new NotificationRequest.Address(chosen.type(), chosen.address()));
            NotificationsView.toast("Test notification " + id + " queued to " + chosen.type() + " " + chosen.address()
                    + (notifications.channelConfigured(chosen.type()) ? "." : " (log only: the channel is not configured)."),
                    NotificationVariant.LUMO_SUCCESS);
            sent.run();
        } catch (AccessDeniedException e) {
            NotificationsView.toast("Only admins may test someone else's contact methods.", NotificationVariant.LUMO_ERROR);
        }
    }
}

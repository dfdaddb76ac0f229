package dev.vigil.incident.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Span;

import dev.vigil.KaribuViewTest;
import dev.vigil.TestAccounts;
import dev.vigil.alerting.Severity;
import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentManagement;

/**
 * The incident views share one application context with every other suite: each test opens its own
 * incidents, with unique titles and services, and never counts on the list being otherwise empty.
 */
abstract class IncidentUiTest extends KaribuViewTest {

    static final List<String> ADMIN_ROLES = List.of("ADMIN", "MANAGER", "RESPONDER");

    @Autowired
    IncidentManagement incidents;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void loginAsAdmin() {
        login(TestAccounts.ADMIN, ADMIN_ROLES);
    }

    /** An incident opened by hand, as the logged-in user. */
    Incident open(String title, String service) {
        return incidents.open(title, service, Severity.HIGH);
    }

    static Span statusBadge() {
        return _get(Span.class, spec -> spec.withClasses("vigil-incident-status"));
    }

    static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }

    /**
     * Types a value as a user would. Karibu's {@code _setValue} calls a Vaadin 24 internal that Vaadin 25
     * no longer has; this keeps its check that a person could edit the field at all.
     */
    static <V> void set(HasValue<?, V> field, V value) {
        if (field.isReadOnly() || !((Component) field).isVisible() || !((HasEnabled) field).isEnabled()) {
            throw new AssertionError(field + " cannot be edited");
        }
        field.setValue(value);
    }
}

package dev.vigil.oncall.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.RouterLink;

import dev.vigil.oncall.OnCallOverview.Person;

/** How the on-call screens word people and times, their sub-navigation, and short messages. */
final class OnCallTexts {

    static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private OnCallTexts() {
    }

    static Nav nav() {
        RouterLink now = new RouterLink("Who is on call", OnCallView.class);
        // The default (location prefix) would light it up on /oncall/policies as well.
        now.setHighlightCondition(HighlightConditions.sameLocation());
        Nav nav = new Nav(now, new RouterLink("Escalation policies", PoliciesView.class));
        nav.addClassName("vigil-subnav");
        return nav;
    }

    /** "Ana Lima (ana)"; "nobody" for none. */
    static String person(Person person) {
        if (person == null) {
            return "nobody";
        }
        return person.displayName().equals(person.username()) ? person.username()
                : person.displayName() + " (" + person.username() + ")";
    }

    static String people(List<Person> people) {
        return people.isEmpty() ? "nobody" : people.stream().map(OnCallTexts::person).collect(Collectors.joining(", "));
    }

    /** "Mon 9 Nov 09:00" in the zone; empty for no time. */
    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : DAY_TIME.format(at.atZone(zone));
    }

    static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

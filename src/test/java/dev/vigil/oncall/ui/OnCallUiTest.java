package dev.vigil.oncall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;

import dev.vigil.KaribuViewTest;
import dev.vigil.TestAccounts;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.OnCallResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The on-call views share one application context with every other suite: what a test makes has a
 * unique name. Tests set up through the module API logged in as the admin, then log in as whoever
 * they play.
 */
abstract class OnCallUiTest extends KaribuViewTest {

    static final List<String> ADMIN_ROLES = List.of("ADMIN", "MANAGER", "RESPONDER");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OnCallManagement oncall;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void loginAsAdmin() {
        login(TestAccounts.ADMIN, ADMIN_ROLES);
    }

    /** A schedule made through the module API; the admin is on call in it from 2026-01-05 on. */
    JsonNode createSchedule(String name) {
        loginAsAdmin();
        return oncall.create(OnCallResource.SCHEDULES, JSON.readTree("""
                {"name": "%s", "timeZone": "Europe/Berlin",
                 "layers": [{"start": "2026-01-05", "rotation": "weekly", "participants": ["admin"]}]}""".formatted(name)));
    }

    /** Enters a value as a person would, which needs the field to be enabled. */
    static <V> void enter(HasValue<?, V> field, V value) {
        assertThat(((HasEnabled) field).isEnabled()).as("enabled").isTrue();
        field.setValue(value);
    }
}

package dev.vigil.oncall.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;

import dev.vigil.TestAccounts;
import dev.vigil.oncall.OnCallOverview.PolicyNow;
import dev.vigil.oncall.OnCallOverview.ScheduleNow;
import dev.vigil.oncall.ScheduleOverride;
import tools.jackson.databind.JsonNode;

class OnCallViewTests extends OnCallUiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aResponderSeesWhoIsOnCallPerScheduleAndPolicyAndTheNextTwoWeeks() {
        String name = unique("web-oncall");
        JsonNode schedule = createSchedule(name);
        login("ana", List.of("RESPONDER"));

        UI.getCurrent().navigate("oncall");

        Grid<ScheduleNow> schedules = grid("schedules-now");
        assertThat(GridKt._getFormatted(schedules, row(schedules, ScheduleNow::name, name), "oncall"))
                .isEqualTo("Administrator (admin)");
        Grid<PolicyNow> policies = grid("policies-now");
        assertThat(GridKt._getFormatted(policies, row(policies, PolicyNow::name, "default"), "first"))
                .isEqualTo("Administrator (admin)");
        Grid<java.time.LocalDate> calendar = grid("calendar");
        assertThat(GridKt._size(calendar)).isEqualTo(OnCallView.CALENDAR_DAYS);
        assertThat(GridKt._getFormatted(calendar, 0, schedule.get("id").asString())).isEqualTo("admin");
        assertThat(_get(Button.class, spec -> spec.withId("add-override")).isEnabled()).isFalse();
    }

    @Test
    void aManagerAddsAnOverrideThatIsOnCallAtOnceAndRemovesIt() {
        String name = unique("ops-oncall");
        createSchedule(name);
        String cover = usernameOfSomeoneElse();
        loginAsAdmin();
        UI.getCurrent().navigate("oncall");
        ComboBox<ScheduleNow> schedule = _get(ComboBox.class, spec -> spec.withId("override-schedule"));
        enter(schedule, schedule.getListDataView().getItems().filter(s -> s.name().equals(name)).findFirst().orElseThrow());

        enter(_get(ComboBox.class, spec -> spec.withId("override-user")), cover);
        enter(_get(DateTimePicker.class, spec -> spec.withId("override-start")), LocalDateTime.now(BERLIN).minusMinutes(5).withNano(0));
        enter(_get(DateTimePicker.class, spec -> spec.withId("override-end")), LocalDateTime.now(BERLIN).plusHours(2).withNano(0));
        _click(_get(Button.class, spec -> spec.withId("add-override")));

        Grid<ScheduleNow> schedules = grid("schedules-now");
        assertThat(GridKt._getFormatted(schedules, row(schedules, ScheduleNow::name, name), "oncall"))
                .isEqualTo(cover);
        Grid<ScheduleOverride> overrides = grid("overrides");
        assertThat(GridKt._size(overrides)).isEqualTo(1);
        _click((Button) GridKt._getCellComponent(overrides, 0, "remove"));
        assertThat(GridKt._getFormatted(schedules, row(schedules, ScheduleNow::name, name), "oncall"))
                .isEqualTo("Administrator (admin)");
    }

    @Test
    void anOverrideThatEndsBeforeItStartsIsMarkedOnTheFieldAndNotAdded() {
        String name = unique("db-oncall");
        createSchedule(name);
        loginAsAdmin();
        UI.getCurrent().navigate("oncall");
        ComboBox<ScheduleNow> schedule = _get(ComboBox.class, spec -> spec.withId("override-schedule"));
        enter(schedule, schedule.getListDataView().getItems().filter(s -> s.name().equals(name)).findFirst().orElseThrow());

        enter(_get(ComboBox.class, spec -> spec.withId("override-user")), TestAccounts.ADMIN);
        enter(_get(DateTimePicker.class, spec -> spec.withId("override-start")), LocalDateTime.now(BERLIN).plusHours(3).withNano(0));
        enter(_get(DateTimePicker.class, spec -> spec.withId("override-end")), LocalDateTime.now(BERLIN).plusHours(2).withNano(0));
        _click(_get(Button.class, spec -> spec.withId("add-override")));

        DateTimePicker end = _get(DateTimePicker.class, spec -> spec.withId("override-end"));
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).isEqualTo("Must be after start");
        assertThat(oncall.overrides(name)).isEmpty();
    }

    /** A second user, made once, to cover for the admin. */
    private String usernameOfSomeoneElse() {
        String username = "cover-ui";
        loginAsAdmin();
        if (oncall.users(0, 1000).stream().noneMatch(u -> u.get("username").asString().equals(username))) {
            oncall.createUser(JSON.readTree("""
                    {"username": "%s", "password": "a long enough password", "roles": ["RESPONDER"]}""".formatted(username)));
        }
        return username;
    }

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    static <T> int row(Grid<T> grid, java.util.function.Function<T, String> key, String value) {
        List<T> rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (key.apply(rows.get(i)).equals(value)) {
                return i;
            }
        }
        throw new AssertionError("No row " + value + " in " + grid.getId().orElse("grid"));
    }
}

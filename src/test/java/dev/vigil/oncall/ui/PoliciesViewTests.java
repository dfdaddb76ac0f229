package dev.vigil.oncall.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.TestAccounts;
import dev.vigil.oncall.OnCallResource;
import tools.jackson.databind.JsonNode;

class PoliciesViewTests extends OnCallUiTest {

    @Test
    void aManagerCreatesAPolicyThatPagesAScheduleThenAUser() {
        String schedule = unique("pay-oncall");
        String scheduleId = createSchedule(schedule).get("id").asString();
        loginAsAdmin();
        UI.getCurrent().navigate("oncall/policies");
        String name = unique("payments");

        _click(_get(Button.class, spec -> spec.withId("new-policy")));
        enter(_get(TextField.class, spec -> spec.withId("policy-name")), name);
        enter(_get(IntegerField.class, spec -> spec.withId("policy-repeat")), 2);
        choose("level-0-targets", "SCHEDULE", scheduleId);
        _click(_get(Button.class, spec -> spec.withId("add-level")));
        enter(_get(TextField.class, spec -> spec.withId("level-1-timeout")), "PT15M");
        choose("level-1-targets", "USER", TestAccounts.ADMIN);
        _click(_get(Button.class, spec -> spec.withId("save-policy")));

        JsonNode saved = oncall.get(OnCallResource.ESCALATION_POLICIES, name);
        assertThat(saved.get("repeat").asInt()).isEqualTo(2);
        assertThat(saved.get("levels").valueStream().map(l -> l.get("timeout").asString() + " "
                + l.get("targets").get(0).get("ref").asString())).containsExactly("PT5M " + scheduleId, "PT15M admin");
        Grid<JsonNode> grid = OnCallViewTests.grid("policies");
        assertThat(GridKt._getFormatted(grid, OnCallViewTests.row(grid, p -> p.get("name").asString(), name), "summary"))
                .isEqualTo("2 levels, repeated 2×");
    }

    @Test
    void aBadTimeoutAndALevelWithoutTargetsAreMarkedOnTheirFieldsAndNothingIsSaved() {
        loginAsAdmin();
        UI.getCurrent().navigate("oncall/policies");
        String name = unique("broken");

        _click(_get(Button.class, spec -> spec.withId("new-policy")));
        enter(_get(TextField.class, spec -> spec.withId("policy-name")), name);
        enter(_get(TextField.class, spec -> spec.withId("level-0-timeout")), "5 minutes");
        _click(_get(Button.class, spec -> spec.withId("save-policy")));

        TextField timeout = _get(TextField.class, spec -> spec.withId("level-0-timeout"));
        assertThat(timeout.isInvalid()).isTrue();
        assertThat(timeout.getErrorMessage()).startsWith("Must be an ISO-8601 duration");
        assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("level-0-targets")).isInvalid()).isTrue();
        assertThat(oncall.list(OnCallResource.ESCALATION_POLICIES, 0, 1000).stream()
                .map(p -> p.get("name").asString())).doesNotContain(name);
    }

    @Test
    void aResponderSeesTheDefaultPolicyButCannotSave() {
        login("ana", List.of("RESPONDER"));

        UI.getCurrent().navigate("oncall/policies");

        assertThat(_get(TextField.class, spec -> spec.withId("policy-name")).getValue()).isNotBlank();
        assertThat(_get(Button.class, spec -> spec.withId("save-policy")).isEnabled()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static void choose(String id, String type, String ref) {
        MultiSelectComboBox<TargetOption> targets = _get(MultiSelectComboBox.class, spec -> spec.withId(id));
        TargetOption option = targets.getListDataView().getItems()
                .filter(o -> o.type().equals(type) && o.ref().equals(ref)).findFirst().orElseThrow();
        enter(targets, Set.of(option));
    }
}

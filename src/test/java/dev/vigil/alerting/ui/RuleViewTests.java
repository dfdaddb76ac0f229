package dev.vigil.alerting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NotFoundError;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.alerting.AlertRule;

class RuleViewTests extends AlertingUiTest {

    @Test
    void savingWithoutAThresholdMarksTheThresholdFieldAndStoresNothing() {
        loginAsAdmin();
        UI.getCurrent().navigate("rules/new");
        String name = unique("UI invalid");
        set(_get(TextField.class, spec -> spec.withId("name")), name);
        set(metric(), "ui.rule_test");

        _click(_get(Button.class, spec -> spec.withId("save")));

        NumberField threshold = _get(NumberField.class, spec -> spec.withId("threshold"));
        assertThat(threshold.isInvalid()).isTrue();
        assertThat(threshold.getErrorMessage()).isEqualTo("Is required");
        assertThat(NotificationsKt.getNotifications()).extracting(RuleViewTests::text)
                .anySatisfy(text -> assertThat(text).startsWith("Not saved: 1 problem, marked on the fields"));
        assertThat(alerting.ruleStatuses()).noneMatch(s -> s.rule().name().equals(name));
    }

    @Test
    void aBadDurationAndLabelLineAreMarkedOnTheirFields() {
        loginAsAdmin();
        UI.getCurrent().navigate("rules/new");
        set(_get(TextField.class, spec -> spec.withId("labels")), "stat p95");

        _click(_get(Button.class, spec -> spec.withId("save")));

        assertThat(_get(TextField.class, spec -> spec.withId("labels")).getErrorMessage())
                .startsWith("Write labels as name=value");
        set(_get(TextField.class, spec -> spec.withId("labels")), "stat=p95");
        set(_get(TextField.class, spec -> spec.withId("window")), "five minutes");
        _click(_get(Button.class, spec -> spec.withId("save")));

        TextField window = _get(TextField.class, spec -> spec.withId("window"));
        assertThat(window.isInvalid()).isTrue();
        assertThat(window.getErrorMessage()).contains("ISO-8601");
    }

    @Test
    void savingAValidNewRuleOpensItsOwnPage() {
        loginAsAdmin();
        UI.getCurrent().navigate("rules/new");
        String name = unique("UI valid");
        set(_get(TextField.class, spec -> spec.withId("name")), name);
        set(metric(), "ui.rule_test");
        set(_get(NumberField.class, spec -> spec.withId("threshold")), 250.0);
        set(_get(NumberField.class, spec -> spec.withId("recovery")), 200.0);
        set(_get(Checkbox.class, spec -> spec.withId("enabled")), false);

        _click(_get(Button.class, spec -> spec.withId("save")));

        AlertRule saved = alerting.ruleStatuses().stream().map(s -> s.rule()).filter(r -> r.name().equals(name))
                .findFirst().orElseThrow();
        deleteAfterwards(saved.id());
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("rules/" + saved.id());
        assertThat(saved.condition().threshold()).isEqualTo(250.0);
        assertThat(saved.recovery().threshold()).isEqualTo(200.0);
        assertThat(saved.query().metric()).isEqualTo("ui.rule_test");
        assertThat(saved.enabled()).isFalse();
    }

    @Test
    void anExistingRuleFillsTheFormAndShowsPreviewAlertsAndHistory() {
        login("ana", List.of("RESPONDER"));

        UI.getCurrent().navigate("rules/high-response-time");

        assertThat(_get(TextField.class, spec -> spec.withId("name")).getValue()).isEqualTo("High Response Time");
        assertThat(_get(NumberField.class, spec -> spec.withId("threshold")).getValue()).isEqualTo(500.0);
        assertThat(_get(NumberField.class, spec -> spec.withId("recovery")).getValue()).isEqualTo(400.0);
        assertThat(_get(TextField.class, spec -> spec.withId("labels")).getValue()).isEqualTo("stat=p95");
        assertThat(_get(TextField.class, spec -> spec.withId("window")).getValue()).isEqualTo("PT2M");
        assertThat(_get(Span.class, spec -> spec.withId("preview-summary")).getText())
                .matches("No data for this query in this range\\.|\\d+ series, .*");
        _get(Grid.class, spec -> spec.withId("history"));
        LocatorJ._assertDisabled(_get(Button.class, spec -> spec.withId("save")));
    }

    @Test
    void savingAnSloRuleKeepsItsObjectiveAndBurnRates() {
        loginAsAdmin();
        AlertRule slo = createRule("""
                {"name": "%s", "query": {"metric": "api.availability_pct"}, "enabled": false,
                 "slo": {"indicator": "availability", "objective": 99.9, "period": "P7D"}}
                """.formatted(unique("UI SLO")));
        UI.getCurrent().navigate("rules/" + slo.id());

        set(_get(TextArea.class, spec -> spec.withId("description")), "Edited in the UI");
        _click(_get(Button.class, spec -> spec.withId("save")));

        AlertRule saved = alerting.rule(slo.id());
        assertThat(saved.description()).isEqualTo("Edited in the UI");
        assertThat(saved.slo()).isEqualTo(slo.slo());
        assertThat(saved.condition()).isNull();
    }

    @Test
    void deletingAsksFirstThenRemovesTheRule() {
        loginAsAdmin();
        AlertRule rule = createRule("""
                {"name": "%s", "query": {"metric": "ui.rule_test"}, "condition": {"comparator": ">", "threshold": 1},
                 "enabled": false}
                """.formatted(unique("UI delete")));
        UI.getCurrent().navigate("rules/" + rule.id());

        _click(_get(Button.class, spec -> spec.withId("delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(alerting.ruleStatuses()).noneMatch(s -> s.rule().id().equals(rule.id()));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("rules");
    }

    @Test
    void anUnknownRuleIsNotFound() {
        login("ana", List.of("RESPONDER"));

        assertThatThrownBy(() -> UI.getCurrent().navigate("rules/no-such-rule"))
                .isInstanceOf(NotFoundError.class).hasMessageContaining("No rule with id no-such-rule");
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> metric() {
        return _get(ComboBox.class, spec -> spec.withId("metric"));
    }

    static String text(Notification notification) {
        return notification.getElement().getProperty("text");
    }
}

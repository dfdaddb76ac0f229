package dev.vigil.alerting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;

import dev.vigil.alerting.RuleStatus;

class RulesViewTests extends AlertingUiTest {

    @Test
    void listsTheDefaultRulesWithStateBadgeConditionAndLastEvaluation() {
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("rules");

        Grid<RuleStatus> grid = rulesGrid();
        int row = rowOf(grid, "High Response Time");

        Span state = (Span) GridKt._getCellComponent(grid, row, "state");
        assertThat(state.getElement().getAttribute("theme")).startsWith("badge");
        assertThat(state.getText()).isIn("OK", "Pending", "Firing", "No data");
        assertThat(condition(grid, row)).isEqualTo("avg(api.response_time_ms{stat=p95}) over 2m > 500");
        assertThat(condition(grid, rowOf(grid, "High Error Rate"))).isEqualTo("ratio(api.errors / api.requests) over 5m > 1 %");
        assertThat(condition(grid, rowOf(grid, "Availability SLO"))).isEqualTo("SLO 99.5 % availability over 30d");
        assertThat(GridKt._getFormatted(grid, row, "evaluated")).matches("never|\\d+ (s|min|h|d) ago");
    }

    @Test
    void firingRulesComeFirst() {
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("rules");

        List<RuleStatus> rows = GridKt._findAll(rulesGrid());

        List<Integer> urgency = rows.stream().map(s -> switch (s.state()) {
            case FIRING -> 0;
            case NO_DATA -> 1;
            case PENDING -> 2;
            case OK -> 3;
        }).toList();
        assertThat(urgency).isSorted();
    }

    @Test
    void importingBadYamlListsEveryProblemWithItsLineAndChangesNothing() {
        loginAsAdmin();
        UI.getCurrent().navigate("rules");
        String name = unique("UI import bad");
        String yaml = """
                rules:
                  - name: %s
                    query: {metric: api.requests, window: PT5M}
                    condition: {comparator: ">", threshold: lots}
                    evaluateEvery: soon
                """.formatted(name);

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("import")), "rules.yaml", "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8));

        String problems = _get(UnorderedList.class, spec -> spec.withId("import-violations")).getElement().getTextRecursively();
        assertThat(problems).contains("/rules/0/condition/threshold", "line 4: must be a finite number")
                .contains("/rules/0/evaluateEvery", "line 5:");
        assertThat(alerting.ruleStatuses()).noneMatch(s -> s.rule().name().equals(name));
    }

    @Test
    void importingGoodYamlAddsTheRuleToTheList() {
        loginAsAdmin();
        UI.getCurrent().navigate("rules");
        String name = unique("UI import good");
        String yaml = """
                rules:
                  - name: %s
                    query: {metric: api.requests, window: PT5M}
                    condition: {comparator: ">", threshold: 1000}
                    enabled: false
                """.formatted(name);

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("import")), "rules.yaml", "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8));

        RuleStatus imported = GridKt._findAll(rulesGrid()).stream().filter(s -> s.rule().name().equals(name))
                .findFirst().orElseThrow();
        deleteAfterwards(imported.rule().id());
        assertThat(imported.rule().enabled()).isFalse();
    }

    @Test
    void aResponderMayReadButNotCreateOrImport() {
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("rules");

        LocatorJ._assertDisabled(_get(Button.class, spec -> spec.withId("new-rule")));
        LocatorJ._assertNone(Upload.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<RuleStatus> rulesGrid() {
        return _get(Grid.class, spec -> spec.withId("rules"));
    }

    private static String condition(Grid<RuleStatus> grid, int row) {
        return ((Span) GridKt._getCellComponent(grid, row, "condition")).getText();
    }

    private static int rowOf(Grid<RuleStatus> grid, String name) {
        List<RuleStatus> rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).rule().name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No rule named " + name + " in " + rows.stream().map(r -> r.rule().name()).toList());
    }
}

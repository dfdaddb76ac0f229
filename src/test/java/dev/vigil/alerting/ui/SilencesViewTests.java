package dev.vigil.alerting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.alerting.Silence;

class SilencesViewTests extends AlertingUiTest {

    @Test
    void aResponderCreatesASilenceAndSeesItListedAsActive() {
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("rules/silences");
        String service = "ui-" + UUID.randomUUID().toString().substring(0, 8);

        set(_get(TextField.class, spec -> spec.withId("matchers")), "service=\"" + service + "\", alertname=~High.*");
        set(_get(TextField.class, spec -> spec.withId("comment")), "deploying");
        _click(_get(Button.class, spec -> spec.withId("create-silence")));

        Grid<Silence> grid = silencesGrid();
        int row = rowOf(grid, service);
        assertThat(GridKt._getFormatted(grid, row, "matchers"))
                .isEqualTo("service=\"" + service + "\", alertname=~\"High.*\"");
        assertThat(((Span) GridKt._getCellComponent(grid, row, "status")).getText()).isEqualTo("Active");
        assertThat(GridKt._getFormatted(grid, row, "by")).isEqualTo("ana");
    }

    @Test
    void aStartInTheFutureIsAScheduledMaintenanceWindowThatCanBeExpired() {
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("rules/silences");
        String service = "ui-" + UUID.randomUUID().toString().substring(0, 8);

        set(_get(TextField.class, spec -> spec.withId("matchers")), "service=" + service);
        set(_get(DateTimePicker.class, spec -> spec.withId("starts-at")), LocalDateTime.now().plusDays(2).withNano(0));
        set(_get(TextField.class, spec -> spec.withId("duration")), "PT4H");
        set(_get(TextField.class, spec -> spec.withId("comment")), "database upgrade");
        _click(_get(Button.class, spec -> spec.withId("create-silence")));

        Grid<Silence> grid = silencesGrid();
        assertThat(((Span) GridKt._getCellComponent(grid, rowOf(grid, service), "status")).getText()).isEqualTo("Scheduled");
        _click((Button) GridKt._getCellComponent(grid, rowOf(grid, service), "expire"));
        assertThat(((Span) GridKt._getCellComponent(grid, rowOf(grid, service), "status")).getText()).isEqualTo("Expired");
    }

    @Test
    void matchersThatDoNotParseAreMarkedOnTheFieldAndNothingIsCreated() {
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("rules/silences");
        long before = alerting.silenceCount();

        set(_get(TextField.class, spec -> spec.withId("matchers")), "checkout");
        _click(_get(Button.class, spec -> spec.withId("create-silence")));

        TextField matchers = _get(TextField.class, spec -> spec.withId("matchers"));
        assertThat(matchers.isInvalid()).isTrue();
        assertThat(matchers.getErrorMessage()).startsWith("Write matchers as name=value");
        assertThat(alerting.silenceCount()).isEqualTo(before);
    }

    @Test
    void aMissingCommentIsReportedByTheModuleOnTheCommentField() {
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("rules/silences");

        set(_get(TextField.class, spec -> spec.withId("matchers")), "service=checkout");
        _click(_get(Button.class, spec -> spec.withId("create-silence")));

        TextField comment = _get(TextField.class, spec -> spec.withId("comment"));
        assertThat(comment.isInvalid()).isTrue();
        assertThat(comment.getErrorMessage()).isEqualTo("Must not be blank");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Silence> silencesGrid() {
        return _get(Grid.class, spec -> spec.withId("silences"));
    }

    private static int rowOf(Grid<Silence> grid, String service) {
        List<Silence> rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).matchers().stream().anyMatch(m -> m.value().equals(service))) {
                return i;
            }
        }
        throw new AssertionError("No silence for " + service);
    }
}

package dev.vigil.incident.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertEnabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentDetails;
import dev.vigil.incident.IncidentStatus;
import dev.vigil.incident.RootCauseAnalysis;

class IncidentViewTests extends IncidentUiTest {

    @Test
    void showsWhatBrokeWhenAndTheTimelineNewestFirst() {
        loginAsAdmin();
        Incident incident = open("Orders are stuck", unique("ui-detail"));

        UI.getCurrent().navigate("incidents/" + incident.id());

        assertThat(_get(Span.class, spec -> spec.withId("incident-id")).getText()).isEqualTo(incident.id());
        assertThat(_get(H2.class, spec -> spec.withId("incident-title")).getText()).isEqualTo("Orders are stuck");
        assertThat(statusBadge().getText()).isEqualTo("TRIGGERED");
        assertThat(_get(Div.class, spec -> spec.withId("fact-source")).getElement().getTextRecursively())
                .isEqualTo("Sourcemanual");
        assertThat(_find(Div.class, spec -> spec.withId("incident-silenced"))).as("not silenced").isEmpty();
        UnorderedList timeline = _get(UnorderedList.class, spec -> spec.withId("timeline"));
        assertThat(timeline.getChildren().count()).isPositive();
        assertThat(timeline.getChildren().reduce((first, second) -> second).orElseThrow().getElement().getTextRecursively())
                .contains("Triggered by manual");
        assertThat(_find(RcaForm.class)).as("no RCA before resolving").isEmpty();
        assertThat(_find(IncidentChart.class)).as("no chart without a metric").isEmpty();
        assertThat(_find(Image.class, spec -> spec.withId("process-image"))).hasSize(1);
    }

    @Test
    void theAcknowledgeButtonAcknowledgesAndTheBadgeFollows() {
        loginAsAdmin();
        Incident incident = open("Queue is backing up", unique("ui-ack"));
        UI.getCurrent().navigate("incidents/" + incident.id());

        _click(_get(Button.class, spec -> spec.withId("acknowledge")));

        assertThat(statusBadge().getText()).isEqualTo("ACKNOWLEDGED");
        assertThat(incidents.incident(incident.id()).incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        _assertDisabled(_get(Button.class, spec -> spec.withId("acknowledge")));
        _assertEnabled(_get(Button.class, spec -> spec.withId("resolve")));
        assertThat(notifications()).contains(incident.id() + " acknowledged");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("timeline")).getChildren().findFirst().orElseThrow()
                .getElement().getTextRecursively()).contains("Acknowledged by admin");
    }

    @Test
    void resolvingThenSavingAnRcaWithAPreventionMeasureClosesTheIncident() {
        loginAsAdmin();
        Incident incident = open("Checkout returns 500s", unique("ui-rca"));
        UI.getCurrent().navigate("incidents/" + incident.id());

        _click(_get(Button.class, spec -> spec.withId("resolve")));
        assertThat(statusBadge().getText()).isEqualTo("RESOLVED");
        assertThat(_get(Span.class, spec -> spec.withId("rca-due")).getText()).startsWith("RCA due ");
        set(_get(TextArea.class, spec -> spec.withId("root-cause")), "A connection pool too small after the deploy");
        set(_get(TextArea.class, spec -> spec.withId("contributing-factors")), "No load test");
        _click(_get(Button.class, spec -> spec.withId("add-measure")));
        set(_get(TextField.class, spec -> spec.withId("measure-description-0")), "Size the pool from load tests");
        set(_get(TextField.class, spec -> spec.withId("measure-owner-0")), "ana");
        set(_get(DatePicker.class, spec -> spec.withId("measure-due-0")), LocalDate.of(2030, 1, 15));
        _click(_get(Button.class, spec -> spec.withId("save-rca")));

        IncidentDetails saved = incidents.incident(incident.id());
        assertThat(saved.incident().status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(saved.rca().rootCause()).isEqualTo("A connection pool too small after the deploy");
        assertThat(saved.rca().contributingFactors()).isEqualTo("No load test");
        assertThat(saved.rca().preventionMeasures()).containsExactly(new RootCauseAnalysis.PreventionMeasure(
                "Size the pool from load tests", "ana", LocalDate.of(2030, 1, 15), RootCauseAnalysis.Status.OPEN));
        assertThat(statusBadge().getText()).isEqualTo("CLOSED");
        assertThat(notifications()).contains("RCA saved; " + incident.id() + " is closed");
        assertThat(_get(TextArea.class, spec -> spec.withId("root-cause")).isReadOnly()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("measure-description-0")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("save-rca"))).isEmpty();
        _assertDisabled(_get(Button.class, spec -> spec.withId("resolve")));
    }

    @Test
    void anRcaWithoutARootCauseIsRefusedOnTheField() {
        loginAsAdmin();
        Incident incident = open("Search is down", unique("ui-rca-invalid"));
        incidents.resolve(incident.id());
        UI.getCurrent().navigate("incidents/" + incident.id());

        _click(_get(Button.class, spec -> spec.withId("add-measure")));
        set(_get(TextField.class, spec -> spec.withId("measure-owner-0")), "ana");
        _click(_get(Button.class, spec -> spec.withId("save-rca")));

        TextArea rootCause = _get(TextArea.class, spec -> spec.withId("root-cause"));
        assertThat(rootCause.isInvalid()).isTrue();
        assertThat(rootCause.getErrorMessage()).isEqualTo("Is required");
        TextField description = _get(TextField.class, spec -> spec.withId("measure-description-0"));
        assertThat(description.isInvalid()).isTrue();
        assertThat(incidents.incident(incident.id()).rca()).isNull();
        assertThat(notifications()).anySatisfy(text -> assertThat(text).startsWith("RCA not saved"));

        set(rootCause, "An expired certificate");
        set(description, "Alert on certificate expiry");
        _click(_get(Button.class, spec -> spec.withId("save-rca")));
        assertThat(rootCause.isInvalid()).isFalse();
        assertThat(incidents.incident(incident.id()).incident().status()).isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void anUnknownIncidentSaysSoInsteadOfFailing() {
        loginAsAdmin();

        UI.getCurrent().navigate("incidents/INC-987654321");

        assertThat(_get(H2.class, spec -> spec.withId("incident-not-found")).getText())
                .isEqualTo("No incident INC-987654321");
        assertThat(_find(Button.class, spec -> spec.withId("acknowledge"))).isEmpty();

        UI.getCurrent().navigate("incidents/checkout");
        assertThat(_get(H2.class, spec -> spec.withId("incident-not-found")).getText())
                .startsWith("No incident checkout");
    }
}

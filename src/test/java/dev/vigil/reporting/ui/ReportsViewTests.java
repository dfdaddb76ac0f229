package dev.vigil.reporting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.QueryParameters;

import dev.vigil.KaribuViewTest;
import dev.vigil.reporting.ReportArchives;
import dev.vigil.reporting.ReportingManagement;
import dev.vigil.reporting.ServiceTargets;

class ReportsViewTests extends KaribuViewTest {

    @Autowired
    ReportingManagement reporting;

    @Autowired
    org.springframework.context.ApplicationContext applicationContext;

    @Test
    void aManagerSeesTheChosenReportWithItsDownloads() {
        login("manager", List.of("RESPONDER", "MANAGER"));
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        UI.getCurrent().navigate("reports", QueryParameters.simple(Map.of("period", "daily", "date", day,
                "service", "checkout")));

        assertThat(_get(H3.class, spec -> spec.withId("report-title")).getText())
                .isEqualTo("Daily report · checkout · " + day);
        assertThat(_get(Anchor.class, spec -> spec.withId("report-pdf")).getHref())
                .isEqualTo("/api/v1/reports/daily.pdf?date=" + day + "&service=checkout");
        assertThat(_get(Anchor.class, spec -> spec.withId("report-csv")).getHref())
                .isEqualTo("/api/v1/reports/daily.csv?date=" + day + "&service=checkout");
        @SuppressWarnings("unchecked")
        Grid<Object> performance = _get(Grid.class, spec -> spec.withId("report-performance"));
        assertThat(GridKt._getFormatted(performance, 2, "figure")).isEqualTo("Response time p95");
        assertThat(GridKt._getFormatted(performance, 2, "target")).isEqualTo("≤ 500 ms");
    }

    @Test
    void anArchivedReportOpensFromItsLinkWithTheStoredDownloads() {
        login("manager", List.of("RESPONDER", "MANAGER"));
        java.time.LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        long id = ReportArchives.archiveOverallDaily(applicationContext, day);

        UI.getCurrent().navigate("reports", QueryParameters.simple(Map.of("archive", String.valueOf(id))));

        assertThat(_get(H3.class, spec -> spec.withId("report-title")).getText())
                .isEqualTo("Daily report · all services · " + day);
        assertThat(_get(Span.class, spec -> spec.withId("archived-note")).getText()).contains("#" + id);
        assertThat(_get(Anchor.class, spec -> spec.withId("report-pdf")).getHref())
                .isEqualTo("/api/v1/reports/archive/" + id + ".pdf");
        _assertNone(Anchor.class, spec -> spec.withId("report-audit"));
    }

    @Test
    void anAdminAlsoGetsTheAuditLogOfTheOverallReportsPeriodButNotOfAServicesReport() {
        login("admin", List.of("RESPONDER", "MANAGER", "ADMIN"));
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(21);
        long id = ReportArchives.archiveOverallDaily(applicationContext, day);

        UI.getCurrent().navigate("reports", QueryParameters.simple(Map.of("archive", String.valueOf(id))));
        assertThat(_get(Anchor.class, spec -> spec.withId("report-audit")).getHref())
                .isEqualTo("/api/v1/reports/archive/" + id + "/audit.csv");

        UI.getCurrent().navigate("reports", QueryParameters.simple(Map.of("period", "daily", "date", day.toString())));
        assertThat(_get(Anchor.class, spec -> spec.withId("report-audit")).getHref())
                .isEqualTo("/api/v1/reports/daily/audit.csv?date=" + day);

        UI.getCurrent().navigate("reports", QueryParameters.simple(Map.of("period", "daily", "date", day.toString(),
                "service", "checkout")));
        _assertNone(Anchor.class, spec -> spec.withId("report-audit"));
    }

    @Test
    void anUnknownServiceIsSaidPlainlyInsteadOfFailing() {
        login("manager", List.of("RESPONDER", "MANAGER"));

        UI.getCurrent().navigate("reports", QueryParameters.simple(Map.of("period", "weekly",
                "service", "nobody-knows-me")));

        assertThat(_get(Span.class, spec -> spec.withId("report-problem")).getText())
                .startsWith("service is not a known service");
    }

    @Test
    void aManagerChangesTargetsAndABadValueIsMarkedAndNotStored() {
        login("manager", List.of("RESPONDER", "MANAGER"));
        String service = "ui-targets-" + System.nanoTime();
        UI.getCurrent().navigate("reports/targets");
        com.vaadin.flow.component.combobox.ComboBox<?> picker = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withId("targets-service"));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<String> services =
                (com.vaadin.flow.component.combobox.ComboBox<String>) picker;
        services.setValue(service);
        NumberField budget = _get(NumberField.class, spec -> spec.withId("target-budget"));

        budget.setValue(0.0);
        _click(_get(Button.class, spec -> spec.withId("save-targets")));

        assertThat(budget.isInvalid()).isTrue();
        assertThat(budget.getErrorMessage()).isEqualTo("must be a number greater than 0");
        assertThat(reporting.targets(service)).isEmpty();

        budget.setValue(150.0);
        _click(_get(Button.class, spec -> spec.withId("save-targets")));

        assertThat(budget.isInvalid()).isFalse();
        assertThat(reporting.targets(service)).get().extracting(ServiceTargets::responseTimeBudgetMs).isEqualTo(150.0);
        assertThat(reporting.targets(service).orElseThrow().updatedBy()).isEqualTo("manager");
    }
}

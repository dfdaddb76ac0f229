package dev.vigil.incident.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.vigil.alerting.AlertFired;
import dev.vigil.alerting.AlertState;
import dev.vigil.alerting.Severity;
import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentFilter;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.Sample;

/** An incident opened by a firing rule: its metric charted around the breach, its runbook, its silence. */
class IncidentFromRuleViewTests extends IncidentUiTest {

    private static final String METRIC = "ui.incident_chart_ms";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MetricsManagement metrics;

    @Test
    void chartsTheBreachingSeriesAndLinksTheRunbook() {
        loginAsAdmin();
        String service = unique("ui-chart");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Sample> samples = new ArrayList<>();
        for (int minute = 40; minute >= 0; minute--) {
            samples.add(new Sample(METRIC, Map.of("service", service, "stat", "p95"),
                    now.minus(Duration.ofMinutes(minute)), minute < 5 ? 812 : 180));
        }
        metrics.ingest(samples);

        Incident incident = fire(service, "s-maintenance");
        UI.getCurrent().navigate("incidents/" + incident.id());

        assertThat(_get(Span.class, spec -> spec.withId("chart-summary")).getText())
                .isEqualTo(METRIC + "{service=" + service + ", stat=p95}, average per 10s.");
        assertThat(_get(Anchor.class, spec -> spec.withId("runbook")).getHref()).isEqualTo("https://runbooks.example/slow");
        assertThat(_get(Div.class, spec -> spec.withId("incident-silenced")).getText())
                .isEqualTo("Silenced by s-maintenance: nobody was paged.");
        assertThat(_get(Div.class, spec -> spec.withId("fact-source")).getElement().getTextRecursively())
                .isEqualTo("Sourcerule");
    }

    private Incident fire(String service, String silencedBy) {
        String key = "ui-rule{service=" + service + "}";
        transactions.executeWithoutResult(tx -> events.publishEvent(new AlertFired(key, "ui-rule", "UI rule", service,
                Severity.CRITICAL, Map.of("service", service), AlertState.FIRING, 812.0, "> 500",
                "UI rule: " + service + " p95 812 > 500", "https://runbooks.example/slow", null, Instant.now(),
                silencedBy, METRIC, Map.of("service", service, "stat", "p95"))));
        IncidentFilter filter = new IncidentFilter(null, service, null, null);
        // the view's API reads as the logged-in user, whose security context lives on this thread
        await().pollInSameThread().atMost(Duration.ofSeconds(15)).until(() -> incidents.count(filter) == 1);
        return incidents.incidents(filter, 0, 1).get(0);
    }
}

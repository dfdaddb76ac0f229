package dev.vigil.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import dev.vigil.KaribuViewTest;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.Sample;

class MetricsViewTests extends KaribuViewTest {

    @Autowired
    MetricsManagement metrics;

    @Test
    void choosingAMetricChartsItAndSaysWhichDataAnsweredIt() {
        metrics.ingest(List.of(new Sample("ui.view_test", Map.of("service", "s1"), Instant.now().minusSeconds(30), 42)));
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("metrics");

        @SuppressWarnings("unchecked")
        ComboBox<String> metric = _get(ComboBox.class, spec -> spec.withId("metric"));
        metric.setValue("ui.view_test");

        assertThat(_get(Span.class, spec -> spec.withText("Computed from raw samples, step 30s."))).isNotNull();
    }

    @Test
    void theSeriesBrowserPagesThroughSeriesLazily() {
        metrics.ingest(List.of(new Sample("ui.browse_a", Map.of("k", "1"), Instant.now(), 1),
                new Sample("ui.browse_b", Map.of("k", "2"), Instant.now(), 2)));
        login("ana", List.of("RESPONDER"));
        UI.getCurrent().navigate("metrics");

        @SuppressWarnings("unchecked")
        Grid<MetricsManagement.SeriesInfo> series = _get(Grid.class, spec -> spec.withId("series"));

        assertThat(GridKt._size(series)).isGreaterThanOrEqualTo(2);
        assertThat(GridKt._get(series, 0).metric()).isNotBlank();
    }
}

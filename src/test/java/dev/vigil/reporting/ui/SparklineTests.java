package dev.vigil.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SparklineTests {

    @Test
    void aMinuteWithoutDataBreaksTheLineAndTheValuesSpanTheHeight() {
        String svg = Sparkline.svg(Arrays.asList(10.0, 20.0, null, 30.0, 40.0), "p95");

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        // x = i × 120 / 4; the lowest value at y = 28 − 2, the highest at y = 2
        assertThat(svg).contains("d=\"M0.0 26.0 L30.0 18.0 M90.0 10.0 L120.0 2.0\"");
    }

    @Test
    void fewerThanTwoValuesDrawNoLine() {
        assertThat(Sparkline.svg(Arrays.asList(null, 5.0, null), "x")).doesNotContain("<path");
        assertThat(Sparkline.svg(List.of(), "x")).doesNotContain("<path");
    }

    @Test
    void theImageIsADataUrlThatScalesWithItsTile() {
        var image = Sparkline.of(List.of(1.0, 2.0), "Throughput, last hour");
        assertThat(image.getSrc()).startsWith("data:image/svg+xml;charset=utf-8,%3Csvg");
        assertThat(image.getAlt()).hasValue("Throughput, last hour");
        assertThat(image.getClassNames()).contains("vigil-sparkline");
    }
}

package dev.vigil.alerting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertTextsTests {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource({"12, 12 s ago", "59, 59 s ago", "60, 1 min ago", "3599, 59 min ago", "7200, 2 h ago",
            "172800, 2 d ago", "-30, in 30 s"})
    void saysHowLongAgoInTheLargestWholeUnit(long secondsAgo, String text) {
        assertThat(AlertTexts.ago(NOW.minusSeconds(secondsAgo), NOW)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"PT2M, 2m", "PT1H30M, 1h30m", "P30D, 30d", "PT45S, 45s", "PT0S, 0s"})
    void writesDurationsShort(String iso, String text) {
        assertThat(AlertTexts.duration(Duration.parse(iso))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"512.3456, 512.3", "0.8, 0.8", "500, 500", "12345.678, 12345.68", "99.95, 99.95"})
    void writesValuesWithFourSignificantDigits(double value, String text) {
        assertThat(AlertTexts.number(value)).isEqualTo(text);
    }
}

package dev.vigil.incident.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentTextsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PT0S       | 0s
            PT42S      | 42s
            PT3M20S    | 3m 20s
            PT5M       | 5m
            PT2H5M59S  | 2h 5m
            P4DT3H     | 4d 3h
            P1DT30M    | 1d
            """)
    void spansKeepTheTwoLargestUnits(Duration duration, String text) {
        assertThat(IncidentTexts.span(duration)).isEqualTo(text);
    }

    @Test
    void relativeTimesLookBackAndAhead() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(IncidentTexts.relative(now.minusSeconds(250), now)).isEqualTo("4m 10s ago");
        assertThat(IncidentTexts.relative(now.plus(Duration.ofHours(23)), now)).isEqualTo("in 23h");
    }
}

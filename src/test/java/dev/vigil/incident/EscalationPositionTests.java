package dev.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationPositionTests {

    @ParameterizedTest(name = "{0} levels, repeat {1}: ({2},{3}) -> ({4},{5}) exhausted={6}")
    @CsvSource({
            // levels, repeat, level, cycle, next level, next cycle, exhausted
            "1, 0, 0, 0, 0, 0, true",
            "2, 0, 0, 0, 1, 0, false",
            "2, 0, 1, 0, 1, 0, true",
            "2, 1, 1, 0, 0, 1, false",
            "2, 1, 0, 1, 1, 1, false",
            "2, 1, 1, 1, 1, 1, true",
            "3, 2, 2, 1, 0, 2, false",
            "3, 2, 2, 2, 2, 2, true",
    })
    void movesToTheNextLevelThenRepeatsThePolicyThenIsExhausted(int levels, int repeat, int level, int cycle,
            int nextLevel, int nextCycle, boolean exhausted) {
        EscalationPosition next = new EscalationPosition(level, cycle, false).advance(levels, repeat);

        assertThat(next).isEqualTo(new EscalationPosition(nextLevel, nextCycle, exhausted));
    }

    @Test
    void aPolicyWithoutLevelsIsRefused() {
        assertThatThrownBy(() -> EscalationPosition.start().advance(0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

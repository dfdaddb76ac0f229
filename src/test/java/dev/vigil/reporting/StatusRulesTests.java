package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.reporting.StatusBoard.Tile;
import dev.vigil.reporting.StatusRules.Current;

class StatusRulesTests {

    /** spec.md's checkout figures: 200 ms budget, p95 ≤ 500 ms, 99 % available, 99.9 % SLO, ≤ 1 % errors, 200 req/s. */
    static final ServiceTargets CHECKOUT = new ServiceTargets("checkout", 200, 500, 99, 99.9, 1, 200.0, List.of(),
            null, null);
    static final List<Double> LINE = List.of();

    @Test
    void responseTimeIsCriticalAboveTheP95TargetAndDegradedWithinTwentyPercentOfIt() {
        assertThat(StatusRules.responseTime(now(501.0, 95.0), CHECKOUT, LINE).status()).isEqualTo(StatusLevel.CRITICAL);
        assertThat(StatusRules.responseTime(now(400.0, 95.0), CHECKOUT, LINE).status()).isEqualTo(StatusLevel.DEGRADED);
        Tile good = StatusRules.responseTime(now(399.0, 95.0), CHECKOUT, LINE);
        assertThat(good.status()).isEqualTo(StatusLevel.GOOD);
        // spec.md: 95 ms of a 200 ms budget = 47.5 %
        assertThat(good.budgetUsePct()).isCloseTo(47.5, within(1e-9));
    }

    @Test
    void anAverageOverThePerformanceBudgetDegradesAnOtherwiseGoodResponseTime() {
        Tile tile = StatusRules.responseTime(now(300.0, 250.0), CHECKOUT, LINE);
        assertThat(tile.status()).isEqualTo(StatusLevel.DEGRADED);
        assertThat(tile.budgetUsePct()).isCloseTo(125, within(1e-9));
        assertThat(tile.reason()).contains("budget");
    }

    @Test
    void availabilityBelowTargetIsCriticalAndBurningTheSloBudgetTooFastIsDegraded() {
        assertThat(StatusRules.availability(availability(98.99), CHECKOUT, LINE).status())
                .isEqualTo(StatusLevel.CRITICAL);
        Tile burning = StatusRules.availability(availability(99.85), CHECKOUT, LINE);
        assertThat(burning.status()).isEqualTo(StatusLevel.DEGRADED);
        // 0.15 % unavailable where the SLO allows 0.1 %: 1.5 times the allowed pace
        assertThat(burning.budgetUsePct()).isCloseTo(150, within(1e-6));
        Tile good = StatusRules.availability(availability(99.95), CHECKOUT, LINE);
        assertThat(good.status()).isEqualTo(StatusLevel.GOOD);
        assertThat(good.budgetUsePct()).isCloseTo(50, within(1e-6));
    }

    @Test
    void errorRateAndThroughputAreJudgedAgainstTheirLimits() {
        assertThat(StatusRules.errorRate(errors(1.2), CHECKOUT, LINE).status()).isEqualTo(StatusLevel.CRITICAL);
        assertThat(StatusRules.errorRate(errors(0.8), CHECKOUT, LINE).status()).isEqualTo(StatusLevel.DEGRADED);
        Tile fine = StatusRules.errorRate(errors(0.5), CHECKOUT, LINE);
        assertThat(fine.status()).isEqualTo(StatusLevel.GOOD);
        assertThat(fine.budgetUsePct()).isCloseTo(50, within(1e-9));

        assertThat(StatusRules.throughput(rps(250.0), CHECKOUT, LINE).status()).isEqualTo(StatusLevel.CRITICAL);
        assertThat(StatusRules.throughput(rps(170.0), CHECKOUT, LINE).status()).isEqualTo(StatusLevel.DEGRADED);
        assertThat(StatusRules.throughput(rps(84.0), CHECKOUT, LINE).budgetUsePct()).isCloseTo(42, within(1e-9));
    }

    @Test
    void withoutDataOrTargetsATileIsUnknownAndSaysWhy() {
        assertThat(StatusRules.responseTime(now(null, null), CHECKOUT, LINE).reason()).contains("no data");
        Tile noTargets = StatusRules.errorRate(errors(5.0), null, LINE);
        assertThat(noTargets.status()).isEqualTo(StatusLevel.UNKNOWN);
        assertThat(noTargets.value()).isEqualTo(5.0);
        assertThat(noTargets.reason()).isEqualTo("no target set");
        ServiceTargets noCapacity = new ServiceTargets("x", 200, 500, 99, 99.9, 1, null, List.of(), null, null);
        assertThat(StatusRules.throughput(rps(1000.0), noCapacity, LINE).status()).isEqualTo(StatusLevel.UNKNOWN);
    }

    @Test
    void theWorstJudgedTileDecidesAndUnknownNeverDoes() {
        Tile unknown = StatusRules.errorRate(errors(null), CHECKOUT, LINE);
        Tile good = StatusRules.errorRate(errors(0.1), CHECKOUT, LINE);
        Tile degraded = StatusRules.errorRate(errors(0.9), CHECKOUT, LINE);
        assertThat(StatusRules.worst(List.of(unknown))).isEqualTo(StatusLevel.UNKNOWN);
        assertThat(StatusRules.worst(List.of(unknown, good))).isEqualTo(StatusLevel.GOOD);
        assertThat(StatusRules.worst(List.of(good, degraded, unknown))).isEqualTo(StatusLevel.DEGRADED);
    }

    private static Current now(Double p95, Double avg) {
        return new Current(p95, avg, null, null, null);
    }

    private static Current availability(double pct) {
        return new Current(null, null, pct, null, null);
    }

    private static Current errors(Double pct) {
        return new Current(null, null, null, pct, null);
    }

    private static Current rps(Double value) {
        return new Current(null, null, null, null, value);
    }
}

package dev.vigil.alerting;

import java.time.Duration;
import java.util.List;

import dev.vigil.alerting.AlertRule.BurnRateWindow;
import dev.vigil.alerting.AlertRule.Indicator;
import dev.vigil.alerting.AlertRule.Slo;

/**
 * The multi-window, multi-burn-rate maths of the Google SRE workbook, so nobody writes it by hand.
 * Burn rate = observed error ratio ÷ the ratio the objective allows; 1× spends the budget exactly
 * over the SLO period. An alert fires when both the long and the short window burn faster than the
 * factor.
 */
final class BurnRates {

    /** Label telling an SLO rule's alert instances apart: {@code 1h/5m}. */
    static final String WINDOW_LABEL = "slo_window";

    /** 2 % of a 30-day budget in 1 h pages; 5 % in 6 h pages; 10 % in 3 days makes a ticket. */
    static final List<BurnRateWindow> DEFAULTS = List.of(
            new BurnRateWindow(Duration.ofHours(1), Duration.ofMinutes(5), 14.4, Severity.CRITICAL),
            new BurnRateWindow(Duration.ofHours(6), Duration.ofMinutes(30), 6, Severity.HIGH),
            new BurnRateWindow(Duration.ofDays(3), Duration.ofHours(6), 1, Severity.LOW));

    private BurnRates() {
    }

    /** The burn rate of a window whose indicator value (in percent) is {@code indicatorPercent}; NaN stays NaN. */
    static double burnRate(Slo slo, double indicatorPercent) {
        if (Double.isNaN(indicatorPercent)) {
            return Double.NaN;
        }
        double errorRatio = slo.indicator() == Indicator.AVAILABILITY
                ? (100.0 - indicatorPercent) / 100.0 : indicatorPercent / 100.0;
        double allowed = (100.0 - slo.objective()) / 100.0;
        return Math.max(0, errorRatio) / allowed;
    }

    static String label(BurnRateWindow pair) {
        return humane(pair.longWindow()) + "/" + humane(pair.shortWindow());
    }

    /** 5m, 1h, 3d: how SRE texts write windows. */
    static String humane(Duration d) {
        long s = d.toSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}

package dev.vigil.alerting;

import java.math.BigDecimal;
import java.math.MathContext;

/** Values as people read them in alerts: at most four significant digits, no trailing zeros. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "no data";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(Math.abs(value) >= 1000 ? 7 : 4));
        return rounded.stripTrailingZeros().toPlainString();
    }
}

package dev.vigil.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How reports write figures for people (screen and PDF): units, sensible decimals, a dash for no data. */
public final class ReportText {

    public static final String NO_DATA = "–";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private ReportText() {
    }

    /** 99.953 % → "99.953 %", 95.04 ms → "95.0 ms", null → "–". */
    public static String figure(Double value, String unit) {
        if (value == null || value.isNaN()) {
            return NO_DATA;
        }
        int decimals = switch (unit) {
            case "%" -> Math.abs(value) >= 99 && Math.abs(value) < 100 ? 3 : 2;
            case "ms", "s", "min", "req/s" -> Math.abs(value) >= 100 ? 0 : 1;
            default -> 2;
        };
        String number = String.format(Locale.ENGLISH, "%,." + decimals + "f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** A count with thousands separators. */
    public static String count(Long value) {
        return value == null ? NO_DATA : String.format(Locale.ENGLISH, "%,d", value);
    }

    /** Minutes as "12 min" or "2 h 05 min". */
    public static String minutes(Double minutes) {
        if (minutes == null) {
            return NO_DATA;
        }
        long total = Math.round(minutes);
        return total < 60 ? total + " min" : String.format(Locale.ENGLISH, "%d h %02d min", total / 60, total % 60);
    }

    public static String time(Instant at, String zone) {
        return at == null ? NO_DATA : TIME.format(at.atZone(ZoneId.of(zone)));
    }

    /** A plain machine-readable number for CSV: no grouping, at most 6 decimals, empty for no data. */
    public static String plain(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

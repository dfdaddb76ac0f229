package dev.vigil.alerting.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.vigil.alerting.AlertRule;
import dev.vigil.alerting.AlertRule.RuleQuery;

/** How the alerting screens word rules, values, durations and times. */
final class AlertTexts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private AlertTexts() {
    }

    /** "12 s ago", "3 min ago", "in 2 h"; "never" for no time. */
    static String ago(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        long seconds = Duration.between(at, now).toSeconds();
        return seconds < 0 ? "in " + span(-seconds) : span(seconds) + " ago";
    }

    private static String span(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** At most four significant digits, as alert messages write values; "no data" for none. */
    static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "no data";
        }
        if (value.isInfinite()) {
            return value > 0 ? "∞" : "-∞";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(Math.abs(value) >= 1000 ? 7 : 4));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A rule's value with its unit: ratio rules speak in percent, SLO rules in error-budget burn rate. */
    static String value(AlertRule rule, Double value) {
        String text = number(value);
        if (value == null) {
            return text;
        }
        if (rule.isSlo()) {
            return text + "× burn rate";
        }
        return rule.query() != null && rule.query().isRatio() ? text + " %" : text;
    }

    /** "2m", "1h30m", "30d": short enough for a grid cell. */
    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            text.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            text.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            text.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            text.append(d.toSecondsPart()).append('s');
        }
        return text.toString();
    }

    /** {@code k=v, k2=v2}, sorted by name. */
    static String labels(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + quoted(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Quotes a value that would not read back as one (a comma, a quote, spaces at its ends). */
    private static String quoted(String value) {
        boolean plain = !value.isEmpty() && value.equals(value.strip()) && value.chars().noneMatch(c -> c == ',' || c == '"');
        return plain ? value : "\"" + value + "\"";
    }

    /** "avg(api.response_time_ms{stat=p95}) over 2m > 500", or "SLO 99.5 % availability over 30d". */
    static String condition(AlertRule rule) {
        if (rule.isSlo()) {
            return "SLO " + number(rule.slo().objective()) + " % " + rule.slo().indicator().apiName().replace('-', ' ')
                    + " over " + duration(rule.slo().period());
        }
        RuleQuery q = rule.query();
        String expression = q.isRatio()
                ? "ratio(" + series(q.metric(), q.labels()) + " / " + series(q.divideBy().metric(), q.divideBy().labels()) + ")"
                : q.aggregation() + "(" + series(q.metric(), q.labels()) + ")";
        String text = expression + " over " + duration(q.window());
        if (rule.condition() != null) {
            text += " " + rule.condition().comparator().symbol() + " " + number(rule.condition().threshold())
                    + (q.isRatio() ? " %" : "");
        }
        return text;
    }

    private static String series(String metric, Map<String, String> labels) {
        return labels.isEmpty() ? metric : metric + "{" + labels(labels) + "}";
    }
}

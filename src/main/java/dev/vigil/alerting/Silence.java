package dev.vigil.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A silence or maintenance window: alerts whose labels match every matcher between {@code startsAt}
 * and {@code endsAt} keep their history but page nobody. One that starts in the future is a planned
 * maintenance window. An alert's labels are its series' labels plus the rule's labels and
 * {@code alertname}, {@code rule}, {@code service} and {@code severity}.
 */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String comment,
        String createdBy, Instant createdAt) {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    /** Where a silence stands at a time. */
    public enum Status {
        PENDING, ACTIVE, EXPIRED
    }

    public Status statusAt(Instant now) {
        return now.isBefore(startsAt) ? Status.PENDING : now.isBefore(endsAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    public boolean silences(Map<String, String> alertLabels, Instant at) {
        return statusAt(at) == Status.ACTIVE && matchers.stream().allMatch(m -> m.matches(alertLabels));
    }

    /** Alertmanager's matcher: {@code =}, {@code !=}, {@code =~} (regex, anchored) and {@code !~}. */
    public record Matcher(String name, Operator operator, String value) {

        public boolean matches(Map<String, String> labels) {
            String actual = labels.getOrDefault(name, "");
            return switch (operator) {
                case EQUAL -> actual.equals(value);
                case NOT_EQUAL -> !actual.equals(value);
                case REGEX -> pattern().matcher(actual).matches();
                case NOT_REGEX -> !pattern().matcher(actual).matches();
            };
        }

        @JsonIgnore
        Pattern pattern() {
            return Pattern.compile(value);
        }

        @Override
        public String toString() {
            return name + operator.symbol() + "\"" + value + "\"";
        }
    }

    /** How a matcher compares. */
    public enum Operator {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        @JsonValue
        public String symbol() {
            return symbol;
        }

        public static java.util.Optional<Operator> fromSymbol(String symbol) {
            return java.util.Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
        }
    }
}

package dev.vigil.alerting;

import dev.vigil.base.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;

/**
 * Reads a silence from the API: {@code matchers} (at least one), {@code startsAt} (default now),
 * {@code endsAt} or {@code duration}, and a {@code comment} saying why.
 */
final class SilenceReader {

    private SilenceReader() {
    }

    record Result(Silence silence, List<FieldViolation> violations) {
    }

    static Result read(JsonNode node, String id, String createdBy, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (node == null || !node.isObject()) {
            violations.add(new FieldViolation("/", "must be an object describing a silence"));
            return new Result(null, violations);
        }
        JsonFields f = new JsonFields(node, "", violations);
        List<Silence.Matcher> matchers = matchers(f, node.get("matchers"));
        Instant startsAt = instant(f, "startsAt", now);
        Instant endsAt = instant(f, "endsAt", null);
        Duration duration = f.duration("duration", Duration.ZERO, Duration.ZERO, Duration.ofDays(366));
        if (endsAt == null && !duration.isZero()) {
            endsAt = startsAt.plus(duration);
        } else if (endsAt == null && !f.has("endsAt")) {
            f.reject("endsAt", "is required (or give a duration such as PT2H)");
        }
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            f.reject("endsAt", "must be after startsAt");
        } else if (endsAt != null && !endsAt.isAfter(now)) {
            f.reject("endsAt", "is in the past; the silence would never apply");
        }
        String comment = f.string("comment", true, 1000);
        if (!violations.isEmpty()) {
            return new Result(null, violations);
        }
        return new Result(new Silence(id, matchers, startsAt, endsAt, comment, createdBy, now), violations);
    }

    private static List<Silence.Matcher> matchers(JsonFields f, JsonNode list) {
        List<Silence.Matcher> matchers = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            f.reject("matchers", "must be a non-empty list of {name, operator, value}; an empty one would silence everything");
            return matchers;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonFields m = f.child(list.get(i), f.pointer("matchers") + "/" + i);
            String name = m.string("name", true, 200);
            if (name != null && !name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                m.reject("name", "is not a valid label name");
            }
            Silence.Operator operator = m.choice("operator", Silence.Operator.EQUAL, Silence.Operator::fromSymbol,
                    "=, !=, =~, !~");
            String value = m.string("value", false, 1000);
            value = value == null ? "" : value;
            if (operator == Silence.Operator.REGEX || operator == Silence.Operator.NOT_REGEX) {
                try {
                    java.util.regex.Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    m.reject("value", "is not a valid regular expression: " + e.getDescription());
                }
            }
            if (name != null) {
                matchers.add(new Silence.Matcher(name, operator, value));
            }
        }
        return matchers;
    }

    private static Instant instant(JsonFields f, String field, Instant fallback) {
        String text = f.string(field, false, 40);
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            f.reject(field, "must be an ISO-8601 instant such as 2026-11-27T22:00:00Z");
            return fallback;
        }
    }
}

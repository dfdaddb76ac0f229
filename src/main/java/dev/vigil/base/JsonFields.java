package dev.vigil.base;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a JSON (or YAML) tree, collecting a violation with a JSON pointer for each
 * field that is missing or of the wrong shape instead of stopping at the first, so a client can fix
 * them all in one go.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String at;
    private final List<FieldViolation> violations;

    public JsonFields(JsonNode node, String at, List<FieldViolation> violations) {
        this.node = node;
        this.at = at;
        this.violations = violations;
    }

    public String pointer(String field) {
        return at + "/" + field;
    }

    public void reject(String field, String reason) {
        violations.add(new FieldViolation(pointer(field), reason));
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public Optional<JsonFields> object(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return Optional.empty();
        }
        if (!value.isObject()) {
            reject(field, "must be an object");
            return Optional.empty();
        }
        return Optional.of(new JsonFields(value, pointer(field), violations));
    }

    public String string(String field, boolean required, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            reject(field, "must be a string");
            return null;
        }
        String text = value.asString().strip();
        if (required && text.isEmpty()) {
            reject(field, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    public Double number(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            reject(field, "must be a finite number");
            return null;
        }
        return value.asDouble();
    }

    public Integer integer(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            reject(field, "is required");
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            reject(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.asInt();
    }

    public Boolean bool(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    /** An ISO-8601 duration ({@code PT5M}) of whole seconds within [min, max]. */
    public Duration duration(String field, Duration fallback, Duration min, Duration max) {
        String text = string(field, fallback == null, 40);
        if (text == null) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.getNano() != 0) {
                reject(field, "must be a whole number of seconds");
            } else if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                reject(field, "must be from " + min + " to " + max);
            } else {
                return d;
            }
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 duration such as PT30S, PT5M or PT1H");
        }
        return fallback;
    }

    public <T> T choice(String field, T fallback, Function<String, Optional<T>> parse, String allowed) {
        String text = string(field, fallback == null, 40);
        if (text == null) {
            return fallback;
        }
        Optional<T> parsed = parse.apply(text);
        if (parsed.isEmpty()) {
            reject(field, "must be one of " + allowed);
            return fallback;
        }
        return parsed.get();
    }

    /** A flat object of string values; keys must be valid label names. */
    public Map<String, String> labels(String field) {
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return labels;
        }
        if (!value.isObject()) {
            reject(field, "must be an object of label names to string values");
            return labels;
        }
        value.properties().forEach(e -> {
            if (!e.getKey().matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                violations.add(new FieldViolation(pointer(field) + "/" + e.getKey(),
                        "is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*)"));
            } else if (!e.getValue().isString()) {
                violations.add(new FieldViolation(pointer(field) + "/" + e.getKey(), "must be a string"));
            } else {
                labels.put(e.getKey(), e.getValue().asString());
            }
        });
        return labels;
    }

    /** Fields of a nested node (a list element) reporting into the same violations. */
    public JsonFields child(JsonNode child, String childPointer) {
        if (child == null || !child.isObject()) {
            violations.add(new FieldViolation(childPointer, "must be an object"));
            return new JsonFields(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), childPointer,
                    new java.util.ArrayList<>());
        }
        return new JsonFields(child, childPointer, violations);
    }

    public JsonNode raw(String field) {
        return node.get(field);
    }
}

package dev.vigil.oncall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the fields of one JSON object of an on-call document and records what is wrong with each, with
 * its JSON pointer, so that a request is answered with every problem at once. Readers go on past a bad
 * field (returning null or the fallback) and the caller refuses the document if anything was recorded.
 * Plain fields are read by the shared {@link JsonFields}; this adds lists, ids and references.
 */
final class Fields {

    private final List<FieldViolation> violations;
    private final JsonFields json;

    Fields(JsonNode node, String at, List<FieldViolation> violations) {
        this.violations = violations;
        this.json = new JsonFields(node, at, violations);
    }

    /** The document's top level, or a recorded violation (and an empty object) when it is not an object. */
    static Fields document(JsonNode node, String what, List<FieldViolation> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new FieldViolation("/", "must be an object describing " + what));
            return new Fields(JsonNodeFactory.instance.objectNode(), "", new ArrayList<>());
        }
        return new Fields(node, "", violations);
    }

    String pointer(String field) {
        return json.pointer(field);
    }

    void reject(String field, String reason) {
        json.reject(field, reason);
    }

    boolean has(String field) {
        return json.has(field);
    }

    JsonNode raw(String field) {
        return json.raw(field);
    }

    /** A string, stripped; null when absent, blank or invalid (absence of a required one is recorded). */
    String text(String field, boolean required, int maxLength) {
        return json.string(field, required, maxLength);
    }

    /** The optional {@code id} of a document: lower-case letters, digits and dashes. */
    String id() {
        String id = text("id", false, 64);
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            reject("id", "must be lower-case letters, digits and dashes");
            return null;
        }
        return id;
    }

    /**
     * A string read by {@code parse}, which returns null for text it does not accept; required when
     * there is no fallback.
     */
    <T> T parsed(String field, T fallback, Function<String, T> parse, String expected) {
        return fallback == null ? parse(field, true, null, parse, expected) : parse(field, false, fallback, parse, expected);
    }

    /** Like {@link #parsed} for a field that may be left out: null then. */
    <T> T optional(String field, Function<String, T> parse, String expected) {
        return parse(field, false, null, parse, expected);
    }

    private <T> T parse(String field, boolean required, T fallback, Function<String, T> parse, String expected) {
        String text = text(field, required, 100);
        if (text == null) {
            return fallback;
        }
        T value = parse.apply(text);
        if (value == null) {
            reject(field, "must be " + expected);
            return fallback;
        }
        return value;
    }

    /** An optional whole number within [min, max]. */
    int whole(String field, int fallback, int min, int max) {
        Integer value = has(field) ? json.integer(field, min, max) : null;
        return value == null ? fallback : value;
    }

    /** An ISO-8601 duration within [min, max]. */
    Duration duration(String field, Duration fallback, Duration min, Duration max) {
        return json.duration(field, fallback, min, max);
    }

    /** The elements of a list of objects, each reading into the same violations. */
    List<Fields> objects(String field, int min, int max) {
        List<Fields> objects = new ArrayList<>();
        for (JsonNode element : list(field, min, max, "objects")) {
            String pointer = pointer(field) + "/" + objects.size();
            if (element.isObject()) {
                objects.add(new Fields(element, pointer, violations));
            } else {
                violations.add(new FieldViolation(pointer, "must be an object"));
                objects.add(new Fields(JsonNodeFactory.instance.objectNode(), pointer, new ArrayList<>()));
            }
        }
        return objects;
    }

    /** The elements of a list of strings, stripped; a bad element is recorded and read as null. */
    List<String> texts(String field, int min, int max) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : list(field, min, max, "strings")) {
            if (element.isString() && !element.asString().isBlank()) {
                texts.add(element.asString().strip());
            } else {
                violations.add(new FieldViolation(pointer(field) + "/" + texts.size(), "must be a non-blank string"));
                texts.add(null);
            }
        }
        return texts;
    }

    /**
     * A reference resolved to the stored id: a username when {@code kind} is null, else the id of the
     * team, policy or schedule with that id or name. Null when absent or unknown (recorded).
     */
    String reference(String field, boolean required, OnCallResource kind, References refs) {
        return resolve(text(field, required, 200), pointer(field), kind, refs);
    }

    /** A list of usernames, each of which must exist. */
    List<String> users(String field, int min, int max, References refs) {
        List<String> users = new ArrayList<>();
        List<String> texts = texts(field, min, max);
        for (int i = 0; i < texts.size(); i++) {
            users.add(resolve(texts.get(i), pointer(field) + "/" + i, null, refs));
        }
        return users;
    }

    private String resolve(String ref, String pointer, OnCallResource kind, References refs) {
        if (ref == null) {
            return null;
        }
        Optional<String> id = kind == null ? refs.user(ref) : refs.find(kind, ref);
        if (id.isEmpty()) {
            violations.add(new FieldViolation(pointer, kind == null ? "no user is called '" + ref + "'"
                    : "no " + kind.singular() + " has the id or name '" + ref + "'"));
        }
        return id.orElse(null);
    }

    private List<JsonNode> list(String field, int min, int max, String of) {
        JsonNode value = raw(field);
        if ((value == null || value.isNull()) && min == 0) {
            return List.of();
        }
        if (value == null || !value.isArray() || value.size() < min || value.size() > max) {
            reject(field, min == 0 ? "must be a list of at most " + max + " " + of
                    : "must be a list of " + min + " to " + max + " " + of);
            return List.of();
        }
        return value.valueStream().toList();
    }
}

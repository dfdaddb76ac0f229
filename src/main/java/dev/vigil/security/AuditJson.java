package dev.vigil.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what a module hands the audit trail (its own record, map or JSON document) into JSON text with
 * every secret-looking field masked. Callers are asked not to pass secrets; this is the second line, so a
 * field added to a record one day cannot leak a password hash or a key into the log.
 */
final class AuditJson {

    static final String MASK = "***";
    /** Far below the column's size; a bigger document is summarised rather than refused with the change. */
    static final int MAX_LENGTH = 500_000;
    private static final List<String> SECRET_MARKERS = List.of("password", "secret", "hash", "integrationkey",
            "routingkey", "accesskey", "apikey", "credential");

    private AuditJson() {
    }

    static String write(JsonMapper mapper, Object value) {
        if (value == null) {
            return null;
        }
        JsonNode tree = value instanceof JsonNode node ? node.deepCopy() : mapper.valueToTree(value);
        mask(tree);
        String text = mapper.writeValueAsString(tree);
        if (text.length() > MAX_LENGTH) {
            return mapper.writeValueAsString(Map.of("truncated", true, "length", text.length()));
        }
        return text;
    }

    static boolean secret(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return name.equals("token") || SECRET_MARKERS.stream().anyMatch(name::contains);
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                if (secret(name) && !object.get(name).isNull()) {
                    object.put(name, MASK);
                } else {
                    mask(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditJson::mask);
        }
    }
}

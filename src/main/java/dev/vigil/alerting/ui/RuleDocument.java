package dev.vigil.alerting.ui;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing single fields of a rule's JSON document, as the editor needs them. */
final class RuleDocument {

    private RuleDocument() {
    }

    /** What a new rule starts with: the module's own defaults, written out so people see them. */
    static ObjectNode defaults() {
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.put("severity", "high").put("missingData", "ignore").put("evaluateEvery", "PT1M").put("enabled", true);
        rule.putObject("query").put("aggregation", "avg").put("window", "PT5M");
        rule.putObject("condition").put("comparator", ">");
        rule.putObject("datapoints").put("n", 1).put("m", 1);
        return rule;
    }

    /** An SLO section in words, burn-rate windows included; the editor shows it but does not edit it. */
    static String describeSlo(JsonNode slo) {
        List<String> windows = new ArrayList<>();
        slo.path("burnRates").forEach(w -> windows.add(duration(text(w, "longWindow")) + "/"
                + duration(text(w, "shortWindow")) + " × " + text(w, "factor") + " (" + text(w, "severity") + ")"));
        return "Service level objective: " + text(slo, "objective") + " % " + text(slo, "indicator") + " over "
                + duration(text(slo, "period")) + ", alerting when the error budget burns too fast"
                + (windows.isEmpty() ? "" : ": " + String.join(", ", windows)) + ". The objective and burn rates are "
                + "edited through the API or YAML; saving here keeps them.";
    }

    /** Sets a text field, or leaves it out when blank so the module's default applies. */
    static void optional(ObjectNode node, String field, String value) {
        if (value == null || value.isBlank()) {
            node.remove(field);
        } else {
            node.put(field, value.strip());
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    private static String duration(String iso) {
        try {
            return AlertTexts.duration(Duration.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}

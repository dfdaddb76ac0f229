package dev.vigil.alerting.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Labels and silence matchers as people type them in one line ({@code stat=p95, region="eu west"};
 * {@code service="checkout", alertname=~High.*}) to and from the API's JSON. Commas separate, except
 * inside double quotes: {@code instance=~"a{1,3}"}, as Alertmanager's tools write it.
 */
final class LabelText {

    private static final String OPERATOR = "=~|!~|!=|=";
    private static final Pattern MATCHER = Pattern.compile("\\s*([^\\s=!~,]+)\\s*(" + OPERATOR + ")\\s*(.*?)\\s*");

    private LabelText() {
    }

    /** {@code k=v, k2=v2} as a JSON object; a part that is not {@code name=value} becomes a violation. */
    static ObjectNode labels(String text, String pointer, List<FieldViolation> violations) {
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        for (String part : parts(text)) {
            Matcher m = MATCHER.matcher(part);
            if (!m.matches() || !m.group(2).equals("=")) {
                violations.add(new FieldViolation(pointer, "write labels as name=value, separated by commas ('"
                        + part.strip() + "' is not)"));
            } else {
                labels.put(m.group(1), unquote(m.group(3)));
            }
        }
        return labels;
    }

    /** Alertmanager-style matchers as the silence API's {@code [{name, operator, value}]}. */
    static ArrayNode matchers(String text, String pointer, List<FieldViolation> violations) {
        ArrayNode matchers = JsonNodeFactory.instance.arrayNode();
        for (String part : parts(text)) {
            Matcher m = MATCHER.matcher(part);
            if (!m.matches()) {
                violations.add(new FieldViolation(pointer, "write matchers as name=value, name!=value, name=~regex or "
                        + "name!~regex, separated by commas ('" + part.strip() + "' is not)"));
            } else {
                matchers.addObject().put("name", m.group(1)).put("operator", m.group(2)).put("value", unquote(m.group(3)));
            }
        }
        return matchers;
    }

    /** A JSON object of labels back as text, sorted by name. */
    static String format(JsonNode labels) {
        Map<String, String> sorted = new TreeMap<>();
        if (labels != null && labels.isObject()) {
            labels.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asString()));
        }
        return AlertTexts.labels(sorted);
    }

    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                quoted ^= c == '"';
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}

package dev.vigil.alerting;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Label sets written one canonical way, so the same labels always make the same key. */
final class LabelSets {

    private static final tools.jackson.core.type.TypeReference<TreeMap<String, String>> LABELS =
            new tools.jackson.core.type.TypeReference<>() {
            };

    private LabelSets() {
    }

    /** {@code {service=checkout,stat=p95}}, keys sorted; {@code {}} for none. */
    static String canonical(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String json(Map<String, String> labels) {
        return RuleJson.JSON.writeValueAsString(new TreeMap<>(labels));
    }

    static Map<String, String> parseJson(String json) {
        return RuleJson.JSON.readValue(json, LABELS);
    }

    /** The dedup key of an alert: rule id plus the instance's labels, stable across evaluations and nodes. */
    static String dedupKey(String ruleId, Map<String, String> labels) {
        return ruleId + canonical(labels);
    }
}

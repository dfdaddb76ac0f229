package dev.vigil.metrics;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The canonical text of a label set: JSON with keys sorted, so equal sets are equal strings. */
final class SeriesLabels {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private SeriesLabels() {
    }

    static String canonical(Map<String, String> labels) {
        return JSON.writeValueAsString(new TreeMap<>(labels));
    }

    static Map<String, String> parse(String canonical) {
        return JSON.readValue(canonical, MAP);
    }
}

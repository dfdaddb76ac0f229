package dev.vigil.alerting;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** A rule to and from the JSON document that the API, the YAML files and the database all use. */
final class RuleJson {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private RuleJson() {
    }

    static JsonNode tree(AlertRule rule) {
        return JSON.valueToTree(rule);
    }

    static String write(AlertRule rule) {
        return JSON.writeValueAsString(rule);
    }

    /** Reads a stored definition; it was valid when stored, so a violation here is a bug. */
    static AlertRule readStored(String id, String definition) {
        RuleReader.Result result = RuleReader.read(JSON.readTree(definition), "");
        if (!result.valid()) {
            throw new IllegalStateException("Stored rule " + id + " no longer reads: "
                    + result.violations().stream().map(FieldViolation::toString).toList());
        }
        return result.rule().withId(id);
    }
}

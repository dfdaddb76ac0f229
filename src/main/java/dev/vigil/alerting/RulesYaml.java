package dev.vigil.alerting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Rules as code: a YAML document {@code rules: [...]} with each rule in the API's shape. Reading keeps
 * the line of every field so each violation names the line to fix.
 */
final class RulesYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    private RulesYaml() {
    }

    static String write(List<AlertRule> rules) {
        ObjectNode root = YAML.createObjectNode();
        ArrayNode list = root.putArray("rules");
        rules.forEach(r -> list.add(RuleJson.tree(r)));
        return YAML.writeValueAsString(root);
    }

    /** The rules of a document, each with its pointer, or every violation (with its line). */
    static List<RuleReader.Result> read(String yaml) {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = YAML.readTree(yaml);
            lines = lines(yaml);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new InvalidRequestException("The YAML could not be read", List.of(new FieldViolation("/",
                    where + e.getOriginalMessage().lines().findFirst().orElse("not YAML"))));
        }
        JsonNode list = root == null ? null : root.get("rules");
        if (list == null || !list.isArray()) {
            throw new InvalidRequestException("/rules", "must be a list of rules under the key 'rules'");
        }
        List<RuleReader.Result> results = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            RuleReader.Result r = RuleReader.read(list.get(i), "/rules/" + i);
            results.add(new RuleReader.Result(r.rule(), r.violations().stream()
                    .map(v -> new FieldViolation(v.pointer(), "line " + lineOf(v.pointer(), lines) + ": " + v.reason()))
                    .toList()));
        }
        return results;
    }

    /** Line of the nearest node at or above a pointer (a missing field is reported at its parent). */
    private static int lineOf(String pointer, Map<String, Integer> lines) {
        String p = pointer;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return 1;
    }

    /** JSON pointer of every value in the document → its line. */
    private static Map<String, Integer> lines(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    lines.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }
}

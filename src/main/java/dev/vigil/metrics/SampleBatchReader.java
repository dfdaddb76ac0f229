package dev.vigil.metrics;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON body of {@code POST /api/v1/metrics} into samples, collecting every problem with a
 * pointer instead of stopping at the first, so a client can fix a whole batch at once.
 */
final class SampleBatchReader {

    private static final Set<String> SAMPLE_FIELDS = Set.of("metric", "labels", "timestamp", "value");
    /** Enough to fix a batch; a body with thousands of errors does not need thousands listed. */
    static final int MAX_REPORTED = 100;

    private final SampleRules rules;
    private final int maxSamples;

    SampleBatchReader(SampleRules rules, int maxSamples) {
        this.rules = rules;
        this.maxSamples = maxSamples;
    }

    /** The samples read and the violations found; the batch is good only if there are none. */
    record Result(List<Sample> samples, List<FieldViolation> violations, int violationCount) {
    }

    Result read(JsonNode root, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Result(List.of(), List.of(new FieldViolation("", "must be a JSON object with a 'samples' array")), 1);
        }
        root.propertyNames().stream().filter(name -> !name.equals("samples"))
                .forEach(name -> violations.add(new FieldViolation("/" + SampleRules.escape(name), "unknown field")));
        JsonNode samplesNode = root.get("samples");
        if (samplesNode == null || !samplesNode.isArray()) {
            violations.add(new FieldViolation("/samples", "must be an array of samples"));
            return new Result(List.of(), violations, violations.size());
        }
        if (samplesNode.isEmpty()) {
            violations.add(new FieldViolation("/samples", "must contain at least one sample"));
        }
        if (samplesNode.size() > maxSamples) {
            violations.add(new FieldViolation("/samples", "has " + samplesNode.size() + " samples; at most "
                    + maxSamples + " per request"));
            return new Result(List.of(), violations, violations.size());
        }
        List<Sample> samples = new ArrayList<>(samplesNode.size());
        for (int i = 0; i < samplesNode.size(); i++) {
            readSample("/samples/" + i, samplesNode.get(i), now, samples, violations);
        }
        int count = violations.size();
        return new Result(samples, count > MAX_REPORTED ? violations.subList(0, MAX_REPORTED) : violations, count);
    }

    private void readSample(String at, JsonNode node, Instant now, List<Sample> samples, List<FieldViolation> violations) {
        if (!node.isObject()) {
            violations.add(new FieldViolation(at, "must be an object with metric, labels, timestamp and value"));
            return;
        }
        int before = violations.size();
        node.propertyNames().stream().filter(name -> !SAMPLE_FIELDS.contains(name))
                .forEach(name -> violations.add(new FieldViolation(at + "/" + SampleRules.escape(name), "unknown field")));

        JsonNode metric = node.get("metric");
        String name = null;
        if (metric == null || metric.isNull()) {
            violations.add(new FieldViolation(at + "/metric", "is required"));
        } else if (!metric.isString()) {
            violations.add(new FieldViolation(at + "/metric", "must be a string"));
        } else {
            name = metric.asString();
        }

        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode labelsNode = node.get("labels");
        if (labelsNode != null && !labelsNode.isNull()) {
            if (!labelsNode.isObject()) {
                violations.add(new FieldViolation(at + "/labels", "must be an object of string values"));
            } else {
                labelsNode.properties().forEach(entry -> {
                    if (entry.getValue().isString()) {
                        labels.put(entry.getKey(), entry.getValue().asString());
                    } else {
                        violations.add(new FieldViolation(at + "/labels/" + SampleRules.escape(entry.getKey()),
                                "label value must be a string"));
                    }
                });
            }
        }

        Instant timestamp = now;
        JsonNode ts = node.get("timestamp");
        if (ts != null && !ts.isNull()) {
            if (ts.isIntegralNumber() && ts.canConvertToLong()) {
                timestamp = Instant.ofEpochMilli(ts.asLong());
            } else if (ts.isString()) {
                try {
                    timestamp = Instant.parse(ts.asString());
                } catch (DateTimeException e) {
                    violations.add(new FieldViolation(at + "/timestamp",
                            "must be ISO-8601 (2026-11-27T10:00:00Z) or epoch milliseconds"));
                }
            } else {
                violations.add(new FieldViolation(at + "/timestamp",
                        "must be ISO-8601 (2026-11-27T10:00:00Z) or epoch milliseconds"));
            }
        }

        JsonNode valueNode = node.get("value");
        double value = Double.NaN;
        if (valueNode == null || valueNode.isNull()) {
            violations.add(new FieldViolation(at + "/value", "is required"));
        } else if (!valueNode.isNumber()) {
            violations.add(new FieldViolation(at + "/value", "must be a number"));
        } else {
            value = valueNode.asDouble();
        }

        if (violations.size() == before) {
            Sample sample = new Sample(name, labels, timestamp, value);
            List<FieldViolation> ruleViolations = rules.check(at, sample, now);
            if (ruleViolations.isEmpty()) {
                samples.add(sample);
            }
            violations.addAll(ruleViolations);
        }
    }
}

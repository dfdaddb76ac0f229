package dev.vigil.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.vigil.base.FieldViolation;

/** What makes a sample acceptable (api.md, "Metrics"); the same rules for every source. */
final class SampleRules {

    static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.:]*");
    static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    static final int MAX_METRIC_NAME = 200;
    static final int MAX_LABEL_NAME = 100;
    static final int MAX_LABEL_VALUE = 1000;

    /** Names already found valid: the same few names arrive in every batch, so skip the regex. */
    private static final java.util.Set<String> VALID_NAMES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_REMEMBERED = 100_000;

    private final int maxLabels;
    private final java.time.Duration maxFutureSkew;

    SampleRules(int maxLabels, java.time.Duration maxFutureSkew) {
        this.maxLabels = maxLabels;
        this.maxFutureSkew = maxFutureSkew;
    }

    /** Violations of one sample, each with a JSON pointer below {@code base} (e.g. {@code /samples/3}). */
    List<FieldViolation> check(String base, Sample sample, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        metricName(base + "/metric", sample.metric()).ifPresent(violations::add);
        violations.addAll(labels(base + "/labels", sample.labels()));
        if (!Double.isFinite(sample.value())) {
            violations.add(new FieldViolation(base + "/value", "must be a finite number"));
        }
        timestamp(base + "/timestamp", sample.timestamp(), now).ifPresent(violations::add);
        return violations;
    }

    java.util.Optional<FieldViolation> metricName(String pointer, String name) {
        if (name == null || name.isEmpty()) {
            return java.util.Optional.of(new FieldViolation(pointer, "must not be empty"));
        }
        if (name.length() > MAX_METRIC_NAME) {
            return java.util.Optional.of(new FieldViolation(pointer, "must be at most " + MAX_METRIC_NAME + " characters"));
        }
        if (!VALID_NAMES.contains("m:" + name) && !remember("m:" + name, METRIC_NAME.matcher(name).matches())) {
            return java.util.Optional.of(new FieldViolation(pointer, "must match [a-zA-Z_][a-zA-Z0-9_.:]*"));
        }
        return java.util.Optional.empty();
    }

    List<FieldViolation> labels(String pointer, Map<String, String> labels) {
        List<FieldViolation> violations = new ArrayList<>();
        if (labels.size() > maxLabels) {
            violations.add(new FieldViolation(pointer, "has " + labels.size() + " labels; at most " + maxLabels));
        }
        labels.forEach((name, value) -> {
            String at = pointer + "/" + escape(name);
            if (name.length() > MAX_LABEL_NAME || (!VALID_NAMES.contains("l:" + name)
                    && !remember("l:" + name, LABEL_NAME.matcher(name).matches()))) {
                violations.add(new FieldViolation(at, "label name must match [a-zA-Z_][a-zA-Z0-9_]* (at most "
                        + MAX_LABEL_NAME + " characters)"));
            } else if (value.length() > MAX_LABEL_VALUE) {
                violations.add(new FieldViolation(at, "label value must be at most " + MAX_LABEL_VALUE + " characters"));
            }
        });
        return violations;
    }

    java.util.Optional<FieldViolation> timestamp(String pointer, Instant timestamp, Instant now) {
        if (timestamp.isAfter(now.plus(maxFutureSkew))) {
            return java.util.Optional.of(new FieldViolation(pointer,
                    "is more than " + maxFutureSkew.toMinutes() + " minutes in the future"));
        }
        if (timestamp.isBefore(Instant.EPOCH)) {
            return java.util.Optional.of(new FieldViolation(pointer, "must not be before 1970-01-01"));
        }
        return java.util.Optional.empty();
    }

    private static boolean remember(String name, boolean valid) {
        if (valid && VALID_NAMES.size() < MAX_REMEMBERED) {
            VALID_NAMES.add(name);
        }
        return valid;
    }

    /** RFC 6901: '~' and '/' inside a pointer segment are escaped. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}

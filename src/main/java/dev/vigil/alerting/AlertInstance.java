package dev.vigil.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * The stored state of one rule over one series (or SLO window pair): enough to continue the state
 * machine on whichever node runs the next evaluation. {@code breachBits} holds the last
 * {@code observed} datapoints, newest in bit 0.
 */
record AlertInstance(String ruleId, Map<String, String> labels, AlertState state, Instant since,
        Instant pendingSince, long breachBits, int observed, double lastValue, Instant lastEvaluatedAt,
        String silencedBy) {

    AlertInstance {
        labels = Map.copyOf(labels);
    }

    static AlertInstance fresh(String ruleId, Map<String, String> labels, Instant now) {
        return new AlertInstance(ruleId, labels, AlertState.OK, now, null, 0, 0, Double.NaN, null, null);
    }

    /** Firing, or without data under the no-data-alert policy: the states that page. */
    boolean active() {
        return state == AlertState.FIRING || state == AlertState.NO_DATA;
    }

    String key() {
        return LabelSets.canonical(labels);
    }
}

package dev.vigil.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a rule's alert history: an instance moved from one state to another because of this
 * value at this time. {@code value} is null when the cause was missing data; {@code silencedBy} names
 * the silence that kept it from paging.
 */
public record AlertTransition(long id, String ruleId, Map<String, String> labels, AlertState from, AlertState to,
        Double value, Instant at, String reason, String silencedBy) {
}

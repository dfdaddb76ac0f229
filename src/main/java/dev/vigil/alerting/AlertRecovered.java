package dev.vigil.alerting;

import java.time.Instant;

/**
 * An alert instance that was paging is healthy again; the incident with this {@code dedupKey} is
 * resolved automatically.
 *
 * @param value the value that recovered it (null if the recovery was missing data counted healthy)
 */
public record AlertRecovered(String dedupKey, String ruleId, String ruleName, Double value, String reason,
        Instant recoveredAt) {
}

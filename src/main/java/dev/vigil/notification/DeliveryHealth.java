package dev.vigil.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * How notification delivery is doing on this node, for {@code /actuator/health} and the dashboard.
 *
 * @param degraded notifications are not getting out: a channel keeps failing, or one has waited too long
 * @param reason why it is degraded, in a sentence; null when it is not
 * @param pending notifications queued and not yet sent (all nodes)
 * @param oldestPending how long the oldest of them has waited; zero when none waits
 * @param recentRetries sends answered with a passing failure in the last five minutes (this node)
 * @param recentThrottles sends refused or held back for rate in the last five minutes (this node)
 * @param recentFailures notifications failed for good in the last five minutes (this node)
 * @param lastSuccess when a provider last accepted a message on this node; null if never since start
 * @param lastError the latest failure a provider answered, null if none since the last success
 */
public record DeliveryHealth(boolean degraded, String reason, long pending, Duration oldestPending, long recentRetries,
        long recentThrottles, long recentFailures, Instant lastSuccess, String lastError) {
}

package dev.vigil.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Watches what providers answer on this node: per channel, how many sends in a row failed for a passing
 * reason (a streak of {@value #FAILING_STREAK} means the channel is failing, not one message), and the
 * retries, throttles and failures of the last five minutes. Memory only: a restarted node starts clean,
 * and the queue itself (pending rows, their age) is read from the outbox, which all nodes share.
 */
@Component
class DeliveryMonitor {

    static final int FAILING_STREAK = 3;
    static final Duration RECENT = Duration.ofMinutes(5);

    /** What this node saw, as of now. */
    record Seen(long retries, long throttles, long failures, Instant lastSuccess, String lastError,
            String failingChannel, int failingStreak) {
    }

    private final Clock clock;
    private record Streak(int failures, long lastAt) {
    }

    private final Map<String, Streak> streaks = new HashMap<>();
    private final Deque<Long> retries = new ArrayDeque<>();
    private final Deque<Long> throttles = new ArrayDeque<>();
    private final Deque<Long> failures = new ArrayDeque<>();
    private Instant lastSuccess;
    private String lastError;

    DeliveryMonitor(Clock clock) {
        this.clock = clock;
    }

    /**
     * Notes one send's answer.
     *
     * @return true when this is the first success on a channel that was failing: its waiting retries may go now
     */
    synchronized boolean observed(String channel, Delivery delivery) {
        long now = clock.millis();
        switch (delivery.outcome()) {
            case SENT -> {
                lastSuccess = Instant.ofEpochMilli(now);
                lastError = null;
                Streak streak = streaks.remove(channel);
                return streak != null && streak.failures() >= FAILING_STREAK;
            }
            case RETRY -> {
                (delivery.throttled() ? throttles : retries).add(now);
                streaks.merge(channel, new Streak(1, now), (was, one) -> new Streak(was.failures() + 1, now));
                lastError = delivery.error();
            }
            case FAILED -> {
                failures.add(now);
                lastError = delivery.error();
            }
        }
        forget(now - RECENT.toMillis());
        return false;
    }

    /** A channel counts as failing while its streak is {@value #FAILING_STREAK} or more and its last failure recent. */
    synchronized Seen seen() {
        long since = clock.millis() - RECENT.toMillis();
        forget(since);
        var failing = streaks.entrySet().stream()
                .filter(e -> e.getValue().failures() >= FAILING_STREAK && e.getValue().lastAt() >= since)
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(Streak::failures))).orElse(null);
        return new Seen(retries.size(), throttles.size(), failures.size(), lastSuccess, lastError,
                failing == null ? null : failing.getKey(), failing == null ? 0 : failing.getValue().failures());
    }

    private void forget(long before) {
        for (Deque<Long> times : List.of(retries, throttles, failures)) {
            while (!times.isEmpty() && times.peekFirst() < before) {
                times.pollFirst();
            }
        }
    }
}

package dev.vigil.notification;

import java.time.Duration;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code initial × 2^(n-1)} (capped), so rows that failed together do not retry together.
 */
record Backoff(Duration initial, Duration max) {

    /**
     * @param attempts the attempts made so far (at least 1)
     * @param random a number in [0, 1)
     */
    Duration after(int attempts, double random) {
        double base = initial.toMillis() * Math.pow(2, Math.min(attempts - 1, 30));
        double capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(Math.round(capped / 2 + capped / 2 * random));
    }
}

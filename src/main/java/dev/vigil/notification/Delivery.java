package dev.vigil.notification;

import java.time.Duration;

/**
 * What a notifier says about one send.
 *
 * @param retryAfter for {@link Outcome#RETRY}: how long the provider asked to wait, or null to use backoff
 * @param throttled the provider refused for rate: the whole channel should slow down, not only this row
 * @param fallbackTo for {@link Outcome#FAILED}: the contact method to try instead, or null
 */
public record Delivery(Outcome outcome, String providerMessageId, String error, Duration retryAfter,
        boolean throttled, NotificationRequest.Address fallbackTo) {

    /** SENT: the provider took it. RETRY: a passing problem. FAILED: retrying cannot help. */
    public enum Outcome { SENT, RETRY, FAILED }

    public static Delivery sent(String providerMessageId) {
        return new Delivery(Outcome.SENT, providerMessageId, null, null, false, null);
    }

    public static Delivery retry(String error, Duration retryAfter) {
        return new Delivery(Outcome.RETRY, null, error, retryAfter, false, null);
    }

    public static Delivery throttled(String error, Duration retryAfter) {
        return new Delivery(Outcome.RETRY, null, error, retryAfter, true, null);
    }

    public static Delivery failed(String error) {
        return new Delivery(Outcome.FAILED, null, error, null, false, null);
    }

    Delivery fallingBackTo(NotificationRequest.Address next) {
        return new Delivery(outcome, providerMessageId, error, retryAfter, throttled, next);
    }
}

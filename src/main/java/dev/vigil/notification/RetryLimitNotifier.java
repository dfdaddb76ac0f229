package dev.vigil.notification;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Turns the last allowed retry into a failure, so a row that keeps failing for a passing reason stops
 * occupying its recipient and falls back. Throttling does not count: it is the provider's limit, not the
 * message's fault. The recipient's last contact method has nothing to fall back to, so it goes on being
 * retried until the row is {@code giveUpAfter} old: during a provider outage a page arrives late, not never.
 */
final class RetryLimitNotifier implements Notifier {

    private final Notifier delegate;
    private final int maxAttempts;
    private final Duration giveUpAfter;
    private final LongSupplier clockMillis;

    RetryLimitNotifier(Notifier delegate, int maxAttempts, Duration giveUpAfter, LongSupplier clockMillis) {
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
        this.giveUpAfter = giveUpAfter;
        this.clockMillis = clockMillis;
    }

    @Override
    public String channel() {
        return delegate.channel();
    }

    @Override
    public Delivery send(Message message) {
        Delivery delivery = delegate.send(message);
        if (delivery.outcome() == Delivery.Outcome.RETRY && !delivery.throttled() && message.attempts() + 1 >= maxAttempts
                && (!message.fallback().isEmpty() || outlived(message))) {
            return Delivery.failed("Gave up after " + (message.attempts() + 1) + " attempts: " + delivery.error());
        }
        return delivery;
    }

    private boolean outlived(Message message) {
        return clockMillis.getAsLong() - message.createdAt().toEpochMilli() >= giveUpAfter.toMillis();
    }
}

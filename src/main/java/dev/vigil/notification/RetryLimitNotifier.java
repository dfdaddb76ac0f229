package dev.vigil.notification;

/**
 * Turns the last allowed retry into a failure, so a row that keeps failing for a passing reason stops
 * occupying its recipient and falls back. Throttling does not count: it is the provider's limit, not the
 * message's fault.
 */
final class RetryLimitNotifier implements Notifier {

    private final Notifier delegate;
    private final int maxAttempts;

    RetryLimitNotifier(Notifier delegate, int maxAttempts) {
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public String channel() {
        return delegate.channel();
    }

    @Override
    public Delivery send(Message message) {
        Delivery delivery = delegate.send(message);
        if (delivery.outcome() == Delivery.Outcome.RETRY && !delivery.throttled() && message.attempts() + 1 >= maxAttempts) {
            return Delivery.failed("Gave up after " + (message.attempts() + 1) + " attempts: " + delivery.error());
        }
        return delivery;
    }
}

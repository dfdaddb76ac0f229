package dev.vigil.notification;

/**
 * When a message fails for good, names the recipient's next contact method so the worker queues it
 * there: an SMS number SNS refuses is followed by the person's webhook, and so on down their list.
 */
final class FallbackNotifier implements Notifier {

    private final Notifier delegate;

    FallbackNotifier(Notifier delegate) {
        this.delegate = delegate;
    }

    @Override
    public String channel() {
        return delegate.channel();
    }

    @Override
    public Delivery send(Message message) {
        Delivery delivery = delegate.send(message);
        if (delivery.outcome() == Delivery.Outcome.FAILED && !message.fallback().isEmpty()) {
            return delivery.fallingBackTo(message.fallback().getFirst());
        }
        return delivery;
    }
}

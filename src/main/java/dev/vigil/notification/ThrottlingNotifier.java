package dev.vigil.notification;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Slows a whole channel down when its provider says "too many": after a throttled answer no message of
 * the channel is sent until the pause is over (it grows while throttling goes on, up to 30 s). Messages
 * that meet a pause are put back with the pause as their retry time instead of hammering the provider.
 */
final class ThrottlingNotifier implements Notifier {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Notifier delegate;
    private final LongSupplier clockMillis;
    private long pausedUntil;
    private Duration lastPause = Duration.ZERO;

    ThrottlingNotifier(Notifier delegate, LongSupplier clockMillis) {
        this.delegate = delegate;
        this.clockMillis = clockMillis;
    }

    @Override
    public String channel() {
        return delegate.channel();
    }

    @Override
    public Delivery send(Message message) {
        long wait = remainingPause();
        if (wait > 0) {
            return Delivery.throttled("Not sent: " + channel() + " is throttled for another " + wait + " ms",
                    Duration.ofMillis(wait));
        }
        Delivery delivery = delegate.send(message);
        if (delivery.throttled()) {
            Duration pause = pause(delivery.retryAfter());
            return Delivery.throttled(delivery.error(), pause);
        }
        if (delivery.outcome() == Delivery.Outcome.SENT) {
            synchronized (this) {
                lastPause = Duration.ZERO;
            }
        }
        return delivery;
    }

    private synchronized long remainingPause() {
        return Math.max(0, pausedUntil - clockMillis.getAsLong());
    }

    private synchronized Duration pause(Duration askedFor) {
        Duration grown = lastPause.isZero() ? FIRST_PAUSE : lastPause.multipliedBy(2);
        Duration pause = askedFor != null && askedFor.compareTo(grown) > 0 ? askedFor : grown;
        pause = pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
        lastPause = pause;
        pausedUntil = Math.max(pausedUntil, clockMillis.getAsLong() + pause.toMillis());
        return pause;
    }
}

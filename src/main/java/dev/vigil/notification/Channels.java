package dev.vigil.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The configured channels, each wrapped in the decorators every send goes through
 * (fallback ← retry limit ← throttling ← channel), and the routing of a contact method to a channel:
 * a contact method whose channel is not configured (an SMS number without SNS) goes to the log channel.
 */
@Component
class Channels {

    static final String SMS = "SMS";
    static final String TOPIC = "TOPIC";
    static final String WEBHOOK = "WEBHOOK";
    static final String WEBHOOK_SECRET = "webhook-signing";

    private final Map<String, Notifier> byChannel;

    Channels(List<Notifier> notifiers, NotificationProperties properties, Clock clock) {
        this.byChannel = notifiers.stream()
                .map(n -> (Notifier) new FallbackNotifier(new RetryLimitNotifier(
                        new ThrottlingNotifier(guarded(n), clock::millis), properties.maxAttempts(),
                        properties.giveUpAfter(), clock::millis)))
                .collect(Collectors.toUnmodifiableMap(Notifier::channel, Function.identity()));
    }

    /** Where a contact method is delivered: its own channel if configured, else the log channel. */
    Route route(NotificationRequest.Address address) {
        if (address == null) {
            return new Route(LogNotifier.CHANNEL, "no contact method");
        }
        if (byChannel.containsKey(address.type()) && !LogNotifier.CHANNEL.equals(address.type())) {
            return new Route(address.type(), address.address());
        }
        return new Route(LogNotifier.CHANNEL, address.line() + " (channel not configured)");
    }

    boolean configured(String channel) {
        return byChannel.containsKey(channel);
    }

    Delivery send(Message message) {
        Notifier notifier = byChannel.get(message.channel());
        if (notifier == null) {
            return Delivery.failed("Channel " + message.channel() + " is not configured on this node");
        }
        return notifier.send(message);
    }

    /** A notifier bug must not kill the worker: the row is retried (up to the limit) and the error shown. */
    private static Notifier guarded(Notifier notifier) {
        return new Notifier() {
            @Override
            public String channel() {
                return notifier.channel();
            }

            @Override
            public Delivery send(Message message) {
                try {
                    return notifier.send(message);
                } catch (RuntimeException e) {
                    return Delivery.retry(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
                }
            }
        };
    }

    record Route(String channel, String address) {
    }
}

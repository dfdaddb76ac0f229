package dev.vigil.notification;

/**
 * The port every channel implements: send one outbox row's message, and say whether a failure is worth
 * retrying. Notifiers never touch the outbox; the delivery worker records what they answer.
 */
public interface Notifier {

    /** The channel this notifier speaks: {@code SMS}, {@code TOPIC}, {@code WEBHOOK} or {@code LOG}. */
    String channel();

    /** Sends the message once; never throws for a delivery problem, answers it instead. */
    Delivery send(Message message);
}

package dev.vigil.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channel of last resort where nothing else is configured (the embedded demo): the message goes to
 * the application log under {@code vigil.notifications}, labelled as such, and shows in the UI as
 * "log only". It never fails, so nothing is lost for want of a channel.
 */
@Component
class LogNotifier implements Notifier {

    static final String CHANNEL = "LOG";
    private static final Logger log = LoggerFactory.getLogger("vigil.notifications");

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Delivery send(Message message) {
        log.info("[log channel] to {} ({}): {}", message.recipient(), message.address(), message.text());
        return Delivery.sent("log-" + message.id());
    }
}

package dev.vigil.notification;

import java.util.regex.Pattern;

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
    private static final Pattern ONE_TAP_TOKEN = Pattern.compile("/a/([A-Za-z0-9_-]{4})[A-Za-z0-9_-]*");

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Delivery send(Message message) {
        log.info("[log channel] to {} ({}): {}", message.recipient(), message.address(), withoutLinkTokens(message.text()));
        return Delivery.sent("log-" + message.id());
    }

    /**
     * A one-tap link acknowledges as its recipient without a login, so it is a credential: logs travel
     * further than the phone it was meant for. The log shows where the link points, not the link itself;
     * the incident is acknowledged in the UI or over the API instead.
     */
    static String withoutLinkTokens(String text) {
        return ONE_TAP_TOKEN.matcher(text).replaceAll("/a/$1…");
    }
}

package dev.vigil.notification.sns;

import java.util.HashMap;
import java.util.Map;

import dev.vigil.notification.Delivery;
import dev.vigil.notification.Message;
import dev.vigil.notification.Notifier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Publishes through SNS: an SMS straight to an E.164 number (transactional, with the sender id where
 * configured), or the richer text with a subject to a topic. Throttling and server-side errors are worth
 * retrying, as are network problems; any other refusal (a bad number, a missing topic, no permission) is not.
 */
public final class SnsNotifier implements Notifier {

    /** Where a Publish goes: a phone number or a topic. */
    public enum Target { SMS, TOPIC }

    /** SNS caps a topic message's subject at 100 characters. */
    private static final int SUBJECT_LIMIT = 100;

    private final SnsClient sns;
    private final SnsProperties properties;
    private final Target target;

    SnsNotifier(SnsClient sns, SnsProperties properties, Target target) {
        this.sns = sns;
        this.properties = properties;
        this.target = target;
    }

    @Override
    public String channel() {
        return target.name();
    }

    @Override
    public Delivery send(Message message) {
        try {
            return Delivery.sent(sns.publish(request(message)).messageId());
        } catch (SnsException e) {
            String error = "SNS " + e.statusCode() + " " + code(e) + ": "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
            if (e.isThrottlingException()) {
                return Delivery.throttled(error, null);
            }
            return e.statusCode() >= 500 ? Delivery.retry(error, null) : Delivery.failed(error);
        } catch (SdkClientException e) {
            return Delivery.retry("SNS unreachable: " + e.getMessage(), null);
        }
    }

    private PublishRequest request(Message message) {
        PublishRequest.Builder publish = PublishRequest.builder();
        if (target == Target.SMS) {
            Map<String, MessageAttributeValue> attributes = new HashMap<>();
            attributes.put("AWS.SNS.SMS.SMSType", text(properties.smsType()));
            if (properties.senderId() != null) {
                attributes.put("AWS.SNS.SMS.SenderID", text(properties.senderId()));
            }
            return publish.phoneNumber(message.address()).message(message.text()).messageAttributes(attributes).build();
        }
        String subject = message.subject() == null ? "Vigil" : message.subject();
        return publish.topicArn(message.address())
                .subject(clean(subject))
                .message(message.longText() == null ? message.text() : message.longText())
                .build();
    }

    /** SNS subjects are one line of printable ASCII, at most 100 characters. */
    private static String clean(String subject) {
        String ascii = subject.replaceAll("[^\\x20-\\x7E]", " ").strip();
        return ascii.length() <= SUBJECT_LIMIT ? ascii : ascii.substring(0, SUBJECT_LIMIT - 3) + "...";
    }

    private static String code(SnsException e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

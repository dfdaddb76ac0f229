package dev.vigil.notification.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vigil.notification.Delivery;
import dev.vigil.notification.Message;
import dev.vigil.notification.sns.SnsStandIn.Failure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sns.SnsClient;

/** The real AWS SDK SNS client on the wire to a local stand-in of the SNS Query API. */
class SnsNotifierTests {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:payments-oncall";
    private static SnsStandIn sns;
    private static SnsClient client;

    @BeforeAll
    static void start() throws Exception {
        sns = new SnsStandIn();
        client = SnsConfiguration.client(properties(sns.endpoint(), "Vigil"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    @AfterAll
    static void stop() {
        client.close();
        sns.close();
    }

    @BeforeEach
    void reset() {
        sns.reset();
    }

    @Test
    void sendsAnSmsStraightToThePhoneNumberAsATransactionalMessageWithTheSenderId() {
        Delivery delivery = smsNotifier().send(message("SMS", "+15550001111"));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(sns.published()).singleElement().satisfies(p -> {
            assertThat(p.messageId()).isEqualTo(delivery.providerMessageId());
            assertThat(p.phoneNumber()).isEqualTo("+15550001111");
            assertThat(p.message()).isEqualTo("[Vigil] CRITICAL INC-7 checkout p95 812ms > 500ms. Ack: https://v/a/x");
            assertThat(p.attribute("AWS.SNS.SMS.SMSType")).isEqualTo("Transactional");
            assertThat(p.attribute("AWS.SNS.SMS.SenderID")).isEqualTo("Vigil");
            assertThat(p.topicArn()).isNull();
        });
    }

    @Test
    void publishesTheRicherTextWithASubjectToATopic() {
        Delivery delivery = new SnsNotifier(client, properties(sns.endpoint(), null), SnsNotifier.Target.TOPIC)
                .send(message("TOPIC", TOPIC));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(sns.published()).singleElement().satisfies(p -> {
            assertThat(p.topicArn()).isEqualTo(TOPIC);
            assertThat(p.subject()).isEqualTo("[Vigil] CRITICAL INC-7 checkout p95 812ms > 500ms");
            assertThat(p.message()).startsWith("checkout p95 812ms > 500ms\nService: checkout");
            assertThat(p.phoneNumber()).isNull();
        });
    }

    @Test
    void throttlingAsksTheChannelToSlowDown() {
        sns.failNext(1, Failure.THROTTLING);

        Delivery delivery = smsNotifier().send(message("SMS", "+15550001111"));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY);
        assertThat(delivery.throttled()).isTrue();
        assertThat(delivery.error()).contains("Throttling");
        assertThat(sns.published()).isEmpty();
    }

    @Test
    void aServerErrorIsWorthRetryingAndARefusedNumberIsNot() {
        sns.failNext(1, Failure.SERVER_ERROR).failNext(1, Failure.INVALID_NUMBER);

        Delivery serverError = smsNotifier().send(message("SMS", "+15550001111"));
        Delivery refused = smsNotifier().send(message("SMS", "+1"));

        assertThat(serverError.outcome()).isEqualTo(Delivery.Outcome.RETRY);
        assertThat(serverError.throttled()).isFalse();
        assertThat(serverError.error()).contains("500", "InternalError");
        assertThat(refused.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(refused.error()).contains("InvalidParameter", "PhoneNumber");
    }

    @Test
    void anUnreachableSnsIsRetried() {
        try (SnsClient nowhere = SnsConfiguration.client(properties(URI.create("http://127.0.0.1:9"), null),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
            Delivery delivery = new SnsNotifier(nowhere, properties(URI.create("http://127.0.0.1:9"), null),
                    SnsNotifier.Target.SMS).send(message("SMS", "+15550001111"));

            assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY);
            assertThat(delivery.error()).startsWith("SNS unreachable");
        }
    }

    private static SnsNotifier smsNotifier() {
        return new SnsNotifier(client, properties(sns.endpoint(), "Vigil"), SnsNotifier.Target.SMS);
    }

    static SnsProperties properties(URI endpoint, String senderId) {
        return new SnsProperties(true, "eu-west-1", endpoint, senderId, "Transactional", null, 8, Duration.ofSeconds(2));
    }

    static Message message(String channel, String address) {
        return new Message(7, "INC-7", "ana", channel, address, "page",
                "[Vigil] CRITICAL INC-7 checkout p95 812ms > 500ms",
                "[Vigil] CRITICAL INC-7 checkout p95 812ms > 500ms. Ack: https://v/a/x",
                "checkout p95 812ms > 500ms\nService: checkout\nSeverity: critical", 0, List.of(), Instant.now());
    }
}

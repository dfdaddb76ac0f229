package dev.vigil.notification.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import dev.vigil.notification.Delivery;
import dev.vigil.notification.Message;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sns.SnsClient;

/** SMS and topic publish against LocalStack's SNS, where Docker is available; skipped where it is not. */
@Testcontainers(disabledWithoutDocker = true)
class SnsLocalStackTests {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4"))
            .withServices("sns");

    @Test
    void smsAndTopicMessagesReachLocalStack() throws Exception {
        SnsProperties properties = new SnsProperties(true, LOCALSTACK.getRegion(), LOCALSTACK.getEndpoint(), "Vigil",
                "Transactional", null, 4, Duration.ofSeconds(10));
        try (SnsClient client = SnsConfiguration.client(properties, StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))) {
            String topic = client.createTopic(t -> t.name("vigil-oncall")).topicArn();

            Delivery sms = new SnsNotifier(client, properties, SnsNotifier.Target.SMS)
                    .send(message("SMS", "+15550001111", "[Vigil] CRITICAL INC-1 LocalStack page"));
            Delivery published = new SnsNotifier(client, properties, SnsNotifier.Target.TOPIC)
                    .send(message("TOPIC", topic, "[Vigil] CRITICAL INC-1 LocalStack broadcast"));

            assertThat(sms.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(published.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(published.providerMessageId()).isNotBlank();
            // LocalStack keeps the SMS it "sent" for inspection.
            String sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create(LOCALSTACK.getEndpoint() + "/_aws/sns/sms-messages")).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
            assertThat(sent).contains("+15550001111", "LocalStack page");
        }
    }

    private static Message message(String channel, String address, String text) {
        return new Message(1, "INC-1", "ana", channel, address, "page", text, text, text + "\nService: checkout", 0,
                List.of(), Instant.now());
    }
}

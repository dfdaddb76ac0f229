package dev.vigil.metrics.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import dev.vigil.metrics.Sample;
import dev.vigil.metrics.cloudwatch.CloudWatchProperties.Query;
import dev.vigil.metrics.cloudwatch.CloudWatchPuller.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** The puller against LocalStack's CloudWatch, where Docker is available; skipped where it is not. */
@Testcontainers(disabledWithoutDocker = true)
class CloudWatchLocalStackTests {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4"))
            .withServices("cloudwatch");

    @Test
    void pullsTheDatapointsPutIntoCloudWatch() {
        Query depth = new Query("Vigil/LocalStack", "QueueDepth", Map.of("Queue", "orders"), "Maximum", null, null);
        CloudWatchProperties properties = new CloudWatchProperties(true, LOCALSTACK.getRegion(),
                LOCALSTACK.getEndpoint(), Duration.ofMinutes(1), Duration.ofMinutes(10), List.of(depth));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant threeAgo = minute.minus(Duration.ofMinutes(3));
        Instant twoAgo = minute.minus(Duration.ofMinutes(2));

        try (CloudWatchClient client = CloudWatchConfiguration.client(properties, credentials)) {
            client.putMetricData(put -> put.namespace("Vigil/LocalStack").metricData(datum(threeAgo, 7), datum(twoAgo, 9)));
            RecordingSink sink = new RecordingSink();
            CloudWatchPuller puller = new CloudWatchPuller(client, properties, sink, Clock.systemUTC(),
                    new SimpleMeterRegistry());

            Map<String, String> labels = Map.of("Queue", "orders", "namespace", "Vigil/LocalStack", "statistic", "Maximum");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(puller.pull()).isEqualTo(Outcome.SUCCESS);
                assertThat(sink.batches()).isNotEmpty();
                assertThat(sink.batches().getLast()).containsExactly(
                                new Sample("aws.vigil_localstack.QueueDepth", labels, threeAgo, 7),
                                new Sample("aws.vigil_localstack.QueueDepth", labels, twoAgo, 9));
            });
        }
    }

    private static MetricDatum datum(Instant timestamp, double value) {
        return MetricDatum.builder()
                .metricName("QueueDepth")
                .dimensions(Dimension.builder().name("Queue").value("orders").build())
                .timestamp(timestamp)
                .value(value)
                .unit(StandardUnit.COUNT)
                .build();
    }
}

package dev.vigil.metrics.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vigil.base.InvalidRequestException;
import dev.vigil.metrics.Sample;
import dev.vigil.metrics.SampleSink;
import dev.vigil.metrics.cloudwatch.CloudWatchProperties.Query;
import dev.vigil.metrics.cloudwatch.CloudWatchPuller.Outcome;
import dev.vigil.metrics.cloudwatch.CloudWatchStandIn.Datapoint;
import dev.vigil.metrics.cloudwatch.CloudWatchStandIn.Failure;
import dev.vigil.metrics.cloudwatch.CloudWatchStandIn.Received;
import dev.vigil.metrics.cloudwatch.CloudWatchStandIn.Series;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import tools.jackson.databind.JsonNode;

/** The puller against the real AWS SDK client, talking to a local stand-in of CloudWatch. */
class CloudWatchPullerTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Query CPU = new Query("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-0abc"),
            "Average", null, null);
    private static final Series CPU_SERIES = new Series("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-0abc"),
            "Average");
    private static final Query REQUESTS = new Query("Vigil/Test-App", "RequestCount",
            Map.of("Cluster-Name", "blue", "Route", "/api"), "p95", Duration.ofMinutes(5), "app.requests.p95");
    private static final Series REQUESTS_SERIES = new Series("Vigil/Test-App", "RequestCount",
            Map.of("Cluster-Name", "blue", "Route", "/api"), "p95");
    private static final Map<String, String> CPU_LABELS = Map.of("InstanceId", "i-0abc", "namespace", "AWS/EC2",
            "statistic", "Average");
    private static final Map<String, String> REQUESTS_LABELS = Map.of("Cluster_Name", "blue", "Route", "/api",
            "namespace", "Vigil/Test-App", "statistic", "p95");

    private final CloudWatchStandIn standIn = CloudWatchStandIn.start();
    private final RecordingSink sink = new RecordingSink();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CloudWatchClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        standIn.close();
    }

    private CloudWatchPuller puller(SampleSink sampleSink, Query... queries) {
        CloudWatchProperties properties = new CloudWatchProperties(true, "us-east-1", standIn.endpoint(),
                Duration.ofMinutes(1), Duration.ofMinutes(10), List.of(queries));
        client = CloudWatchConfiguration.client(properties,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDVIGILTEST", "vigil-test-secret")));
        return new CloudWatchPuller(client, properties, sampleSink, Clock.fixed(NOW, ZoneOffset.UTC), meters);
    }

    private static Instant minutesAgo(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private double pulls(String outcome) {
        return meters.get("vigil.cloudwatch.pulls").tag("outcome", outcome).counter().count();
    }

    @Test
    void pulledDatapointsBecomeOneBatchOfSamplesLabelledWithDimensionsNamespaceAndStatistic() {
        standIn.put(CPU_SERIES, List.of(new Datapoint(minutesAgo(2), 40.25), new Datapoint(minutesAgo(3), 12.5)));
        standIn.put(REQUESTS_SERIES, List.of(new Datapoint(minutesAgo(5), 17)));

        assertThat(puller(sink, CPU, REQUESTS).pull()).isEqualTo(Outcome.SUCCESS);

        assertThat(sink.batches()).hasSize(1);
        assertThat(sink.batches().getFirst()).containsExactly(
                new Sample("aws.aws_ec2.CPUUtilization", CPU_LABELS, minutesAgo(3), 12.5),
                new Sample("aws.aws_ec2.CPUUtilization", CPU_LABELS, minutesAgo(2), 40.25),
                new Sample("app.requests.p95", REQUESTS_LABELS, minutesAgo(5), 17));
        assertThat(pulls("success")).isEqualTo(1);
        assertThat(meters.get("vigil.cloudwatch.samples").counter().count()).isEqualTo(3);
    }

    @Test
    void asksOnceForEveryQueryOverTheLookbackWindowUpToNow() {
        standIn.put(CPU_SERIES, List.of(new Datapoint(minutesAgo(11), 99), new Datapoint(minutesAgo(9), 1)));

        puller(sink, CPU, REQUESTS).pull();

        assertThat(standIn.received()).hasSize(1);
        JsonNode body = standIn.received().getFirst().body();
        assertThat(CloudWatchStandIn.epochSeconds(body.get("StartTime"))).isEqualTo(minutesAgo(10));
        assertThat(CloudWatchStandIn.epochSeconds(body.get("EndTime"))).isEqualTo(NOW);
        assertThat(body.get("ScanBy").asString()).isEqualTo("TimestampAscending");

        JsonNode queries = body.get("MetricDataQueries");
        assertThat(queries.size()).isEqualTo(2);
        JsonNode cpu = queries.get(0);
        assertThat(cpu.get("Id").asString()).isEqualTo("q0");
        assertThat(cpu.get("ReturnData").asBoolean()).isTrue();
        assertThat(cpu.at("/MetricStat/Metric/Namespace").asString()).isEqualTo("AWS/EC2");
        assertThat(cpu.at("/MetricStat/Metric/MetricName").asString()).isEqualTo("CPUUtilization");
        assertThat(dimensions(cpu)).isEqualTo(Map.of("InstanceId", "i-0abc"));
        assertThat(cpu.at("/MetricStat/Stat").asString()).isEqualTo("Average");
        assertThat(cpu.at("/MetricStat/Period").asInt()).isEqualTo(60);
        JsonNode requests = queries.get(1);
        assertThat(requests.get("Id").asString()).isEqualTo("q1");
        // CloudWatch is asked with the dimension names as they are; only the labels are made safe.
        assertThat(dimensions(requests)).isEqualTo(Map.of("Cluster-Name", "blue", "Route", "/api"));
        assertThat(requests.at("/MetricStat/Stat").asString()).isEqualTo("p95");
        assertThat(requests.at("/MetricStat/Period").asInt()).isEqualTo(300);

        // The datapoint older than the window was not asked for, so it was not stored.
        assertThat(sink.samples()).extracting(Sample::value).containsExactly(1.0);
    }

    private static Map<String, String> dimensions(JsonNode query) {
        return StreamSupport.stream(query.at("/MetricStat/Metric/Dimensions").spliterator(), false)
                .collect(Collectors.toMap(d -> d.get("Name").asString(), d -> d.get("Value").asString()));
    }

    @Test
    void speaksRpcV2CborSignedWithTheGivenCredentialsForTheRegion() {
        puller(sink, CPU).pull();

        Received request = standIn.received().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(CloudWatchStandIn.PATH);
        assertThat(request.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(request.header("Content-Type")).isEqualTo("application/cbor");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDVIGILTEST/")
                .contains("/us-east-1/monitoring/aws4_request");
    }

    @Test
    void followsNextTokenUntilTheLastPageAndStoresAllPagesAsOneBatch() {
        standIn.pageSize(2);
        standIn.put(CPU_SERIES, List.of(new Datapoint(minutesAgo(4), 1), new Datapoint(minutesAgo(3), 2),
                new Datapoint(minutesAgo(2), 3)));
        standIn.put(REQUESTS_SERIES, List.of(new Datapoint(minutesAgo(5), 4), new Datapoint(NOW.minusSeconds(1), 5)));

        assertThat(puller(sink, CPU, REQUESTS).pull()).isEqualTo(Outcome.SUCCESS);

        List<Received> requests = standIn.received();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).body().has("NextToken")).isFalse();
        assertThat(requests.get(1).body().get("NextToken").asString()).isEqualTo("page-2");
        assertThat(requests.get(2).body().get("NextToken").asString()).isEqualTo("page-4");
        assertThat(sink.batches()).hasSize(1);
        assertThat(sink.samples()).extracting(Sample::metric, Sample::value).containsExactly(
                tuple("aws.aws_ec2.CPUUtilization", 1.0),
                tuple("aws.aws_ec2.CPUUtilization", 2.0),
                tuple("aws.aws_ec2.CPUUtilization", 3.0),
                tuple("app.requests.p95", 4.0),
                tuple("app.requests.p95", 5.0));
    }

    @Test
    void aThrottledServiceDoesNotThrowOutOfTheJobAndTheFailureIsCounted() {
        standIn.put(CPU_SERIES, List.of(new Datapoint(minutesAgo(2), 40)));
        standIn.failAlways(Failure.THROTTLING);
        CloudWatchPullJob job = new CloudWatchPullJob(puller(sink, CPU));

        assertThatNoException().isThrownBy(() -> job.executeInternal(null));

        assertThat(sink.batches()).isEmpty();
        assertThat(pulls("failure")).isEqualTo(1);
        assertThat(pulls("success")).isZero();
        // The SDK read the error as throttling from the stand-in's answer, and so tried again before giving up.
        assertThat(standIn.received()).hasSizeGreaterThan(1);
    }

    @Test
    void aServerErrorIsAFailedPull() {
        standIn.failAlways(Failure.INTERNAL_ERROR);

        assertThat(puller(sink, CPU).pull()).isEqualTo(Outcome.FAILURE);

        assertThat(sink.batches()).isEmpty();
        assertThat(pulls("failure")).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNotCborIsAFailedPull() {
        standIn.failAlways(Failure.NOT_CBOR);

        assertThat(puller(sink, CPU).pull()).isEqualTo(Outcome.FAILURE);

        assertThat(sink.batches()).isEmpty();
        assertThat(pulls("failure")).isEqualTo(1);
    }

    @Test
    void aPullAfterAFailedOneStoresTheWindowItMissed() {
        standIn.put(CPU_SERIES, List.of(new Datapoint(minutesAgo(2), 40)));
        standIn.failAlways(Failure.INTERNAL_ERROR);
        CloudWatchPuller puller = puller(sink, CPU);
        assertThat(puller.pull()).isEqualTo(Outcome.FAILURE);

        standIn.failAlways(null);

        assertThat(puller.pull()).isEqualTo(Outcome.SUCCESS);
        assertThat(sink.samples()).containsExactly(new Sample("aws.aws_ec2.CPUUtilization", CPU_LABELS, minutesAgo(2), 40));
        assertThat(pulls("failure")).isEqualTo(1);
        assertThat(pulls("success")).isEqualTo(1);
    }

    @Test
    void samplesTheSinkRefusesMakeAFailedPull() {
        standIn.put(CPU_SERIES, List.of(new Datapoint(minutesAgo(2), 40)));
        SampleSink refusing = samples -> {
            throw new InvalidRequestException("/samples/0/value", "refused");
        };

        assertThat(puller(refusing, CPU).pull()).isEqualTo(Outcome.FAILURE);
        assertThat(pulls("failure")).isEqualTo(1);
    }

    @Test
    void aQueryCloudWatchRefusesMakesThePullPartialAndTheOthersAreStored() {
        standIn.put(CPU_SERIES, List.of(new Datapoint(minutesAgo(2), 40)));
        standIn.statusCode(REQUESTS_SERIES, "Forbidden");

        assertThat(puller(sink, CPU, REQUESTS).pull()).isEqualTo(Outcome.PARTIAL);

        assertThat(sink.samples()).containsExactly(new Sample("aws.aws_ec2.CPUUtilization", CPU_LABELS, minutesAgo(2), 40));
        assertThat(pulls("partial")).isEqualTo(1);
    }

    @Test
    void withNoQueriesCloudWatchIsNotAsked() {
        assertThat(puller(sink).pull()).isEqualTo(Outcome.SUCCESS);

        assertThat(standIn.received()).isEmpty();
        assertThat(sink.batches()).isEmpty();
    }
}

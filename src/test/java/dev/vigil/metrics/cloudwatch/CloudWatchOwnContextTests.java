package dev.vigil.metrics.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.vigil.TestAccounts;
import dev.vigil.metrics.cloudwatch.CloudWatchStandIn.Datapoint;
import dev.vigil.metrics.cloudwatch.CloudWatchStandIn.Series;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The whole application with CloudWatch switched on against the stand-in: the Quartz job pulls and the
 * datapoints land in the metric tables. Its own context, closed afterwards so its job stops pulling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vigil-cloudwatch-it;DB_CLOSE_DELAY=-1",
        "vigil.data-dir=target/it-data-cloudwatch",
        "vigil.demo.enabled=false",
        "vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN,
        "vigil.cloudwatch.enabled=true",
        "vigil.cloudwatch.region=us-east-1",
        "vigil.cloudwatch.interval=PT2S",
        "vigil.cloudwatch.queries[0].namespace=AWS/EC2",
        "vigil.cloudwatch.queries[0].metric=CPUUtilization",
        "vigil.cloudwatch.queries[0].dimensions.InstanceId=i-0abc",
        "vigil.cloudwatch.queries[0].statistic=Maximum"})
@DirtiesContext
class CloudWatchOwnContextTests {

    private static final CloudWatchStandIn STAND_IN = CloudWatchStandIn.start();
    private static final Instant MINUTE = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    static {
        STAND_IN.put(new Series("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-0abc"), "Maximum"), List.of(
                new Datapoint(MINUTE.minus(Duration.ofMinutes(3)), 12.5),
                new Datapoint(MINUTE.minus(Duration.ofMinutes(2)), 40.25)));
    }

    @DynamicPropertySource
    static void cloudWatchEndpoint(DynamicPropertyRegistry registry) {
        registry.add("vigil.cloudwatch.endpoint", () -> STAND_IN.endpoint().toString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestCredentials {

        @Bean
        AwsCredentialsProvider testAwsCredentials() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDVIGILIT", "vigil-it-secret"));
        }
    }

    @AfterAll
    static void stopStandIn() {
        STAND_IN.close();
    }

    @Autowired
    JdbcClient jdbc;

    record Row(String metric, String labels, long ts, double value) {
    }

    /**
     * Every stored sample with its series. The value is read by position (the last column of
     * metric_sample) because its column name differs between schema versions: value, sample_value.
     */
    private List<Row> storedSamples() {
        return jdbc.sql("SELECT s.metric, s.labels, m.* FROM metric_series s JOIN metric_sample m ON m.series_id = s.id "
                        + "ORDER BY m.ts")
                .query((rs, n) -> new Row(rs.getString("metric"), rs.getString("labels"), rs.getLong("ts"),
                        rs.getDouble(rs.getMetaData().getColumnCount())))
                .list();
    }

    @Test
    void theScheduledPullStoresCloudWatchDatapointsAsSeriesAndSamples() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(storedSamples())
                        .containsExactly(
                                new Row("aws.aws_ec2.CPUUtilization",
                                        "{\"InstanceId\":\"i-0abc\",\"namespace\":\"AWS/EC2\",\"statistic\":\"Maximum\"}",
                                        MINUTE.minus(Duration.ofMinutes(3)).toEpochMilli(), 12.5),
                                new Row("aws.aws_ec2.CPUUtilization",
                                        "{\"InstanceId\":\"i-0abc\",\"namespace\":\"AWS/EC2\",\"statistic\":\"Maximum\"}",
                                        MINUTE.minus(Duration.ofMinutes(2)).toEpochMilli(), 40.25)));

        assertThat(STAND_IN.received()).isNotEmpty().allSatisfy(request -> assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDVIGILIT/"));
    }
}

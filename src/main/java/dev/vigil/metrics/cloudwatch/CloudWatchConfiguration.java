package dev.vigil.metrics.cloudwatch;

import java.time.Clock;

import org.quartz.JobDetail;
import org.quartz.Trigger;
import dev.vigil.base.scheduling.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vigil.metrics.SampleSink;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

/** The CloudWatch client, the puller and its Quartz job; none of it exists unless enabled. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("vigil.cloudwatch.enabled")
@EnableConfigurationProperties(CloudWatchProperties.class)
class CloudWatchConfiguration {

    /**
     * Credentials come from the one {@link AwsCredentialsProvider} bean if there is exactly one, else from
     * the SDK's default chain (environment, system properties, profile, web identity, container or
     * instance role), which the client then owns and closes with itself.
     */
    @Bean(destroyMethod = "close")
    CloudWatchClient cloudWatchClient(CloudWatchProperties properties, ObjectProvider<AwsCredentialsProvider> credentials) {
        return client(properties, credentials.getIfUnique());
    }

    /** A client for the configured region and endpoint; {@code credentials} null means the default chain. */
    static CloudWatchClient client(CloudWatchProperties properties, AwsCredentialsProvider credentials) {
        CloudWatchClientBuilder builder = CloudWatchClient.builder().region(Region.of(properties.region()));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder.build();
    }

    @Bean
    CloudWatchPuller cloudWatchPuller(CloudWatchClient cloudWatchClient, CloudWatchProperties properties,
            SampleSink sampleSink, Clock clock, MeterRegistry meterRegistry) {
        return new CloudWatchPuller(cloudWatchClient, properties, sampleSink, clock, meterRegistry);
    }

    @Bean
    JobDetail cloudWatchPullJob() {
        return Schedules.durableJob(CloudWatchPullJob.class, CloudWatchPullJob.KEY,
                "Pulls the configured CloudWatch metrics");
    }

    @Bean
    Trigger cloudWatchPullTrigger(CloudWatchProperties properties) {
        // After downtime one pull is enough: its lookback window covers the gap.
        return Schedules.every(CloudWatchPullJob.KEY, properties.interval());
    }
}

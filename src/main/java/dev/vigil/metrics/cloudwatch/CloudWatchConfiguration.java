package dev.vigil.metrics.cloudwatch;

import java.time.Clock;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
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
        return JobBuilder.newJob(CloudWatchPullJob.class)
                .withIdentity(CloudWatchPullJob.KEY)
                .withDescription("Pulls the configured CloudWatch metrics")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger cloudWatchPullTrigger(JobDetail cloudWatchPullJob, CloudWatchProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(cloudWatchPullJob)
                .withIdentity(CloudWatchPullJob.KEY.getName(), CloudWatchPullJob.KEY.getGroup())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.interval().toMillis())
                        .repeatForever()
                        // After downtime one pull is enough: its lookback window covers the gap, a burst would not.
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

package dev.vigil.notification.sns;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/** The SNS client and its two channels (SMS, topic); none of it exists unless enabled. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("vigil.notification.sns.enabled")
class SnsConfiguration {

    /**
     * Credentials come from the one {@link AwsCredentialsProvider} bean if there is exactly one, else
     * from the SDK's default chain (environment, profile, web identity, container or instance role).
     */
    @Bean(destroyMethod = "close")
    SnsClient snsClient(SnsProperties properties, ObjectProvider<AwsCredentialsProvider> credentials) {
        return client(properties, credentials.getIfUnique());
    }

    /**
     * The SDK does not retry: the outbox does, with its own backoff, visible attempts and fallback; a
     * second retry loop inside would hide attempts and hold a send slot for its whole backoff.
     */
    static SnsClient client(SnsProperties properties, AwsCredentialsProvider credentials) {
        SnsClientBuilder builder = SnsClient.builder()
                .region(Region.of(properties.region()))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(properties.maxConnections())
                        .connectionTimeout(properties.timeout())
                        .socketTimeout(properties.timeout()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(properties.timeout()));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder.build();
    }

    @Bean
    SnsNotifier snsSmsNotifier(SnsClient snsClient, SnsProperties properties) {
        return new SnsNotifier(snsClient, properties, SnsNotifier.Target.SMS);
    }

    @Bean
    SnsNotifier snsTopicNotifier(SnsClient snsClient, SnsProperties properties) {
        return new SnsNotifier(snsClient, properties, SnsNotifier.Target.TOPIC);
    }
}

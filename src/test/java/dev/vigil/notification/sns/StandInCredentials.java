package dev.vigil.notification.sns;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Fixed AWS credentials for a context whose SNS client talks to the {@link SnsStandIn}: {@code @Import} it. */
@TestConfiguration(proxyBeanMethods = false)
public class StandInCredentials {

    @Bean
    AwsCredentialsProvider testAwsCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDVIGILIT", "vigil-it-secret"));
    }
}

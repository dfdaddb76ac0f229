package dev.vigil.notification;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vigil.notification.sns.SnsProperties;
import dev.vigil.notification.webhook.WebhookNotifier;

/** Binds the module's settings; the SNS ones are read even with SNS off (the announcement topic, the UI). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, SnsProperties.class})
class NotificationConfiguration {

    /** Webhooks need no configuration: a contact method with a URL is enough. Redirects are not followed. */
    @Bean
    WebhookNotifier webhookNotifier(NotificationProperties properties, SharedSecrets secrets, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.webhook().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new WebhookNotifier(http,
                () -> secrets.secret(Channels.WEBHOOK_SECRET, properties.webhook().signingSecret()),
                properties.webhook().timeout(), clock);
    }
}

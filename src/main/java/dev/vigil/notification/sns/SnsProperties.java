package dev.vigil.notification.sns;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code vigil.notification.sns.*}: the SNS channel (SMS to phone numbers, topic publish). Credentials
 * come from the SDK's default provider chain; {@code endpoint} points the client at LocalStack or a
 * stand-in.
 *
 * @param senderId the alphanumeric sender id shown on phones where carriers allow one (1–11 characters)
 * @param smsType {@code Transactional} (pages: delivered first, also to numbers opted out of promotions)
 *        or {@code Promotional}
 * @param announcementTopic the topic ARN that report announcements are published to; none means the log
 * @param maxConnections HTTP connections to SNS; at least as many as the worker sends at once
 * @param timeout for one Publish call, after which the message is retried
 */
@Validated
@ConfigurationProperties("vigil.notification.sns")
public record SnsProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("us-east-1") String region,
        URI endpoint,
        @Pattern(regexp = "[A-Za-z0-9]{1,11}", message = "must be 1 to 11 letters or digits") String senderId,
        @NotNull @Pattern(regexp = "Transactional|Promotional") @DefaultValue("Transactional") String smsType,
        @Pattern(regexp = "arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}", message = "must be an SNS topic ARN")
        String announcementTopic,
        @Min(1) @Max(1000) @DefaultValue("32") int maxConnections,
        @NotNull @DurationMin(millis = 100) @DefaultValue("PT10S") Duration timeout) {
}

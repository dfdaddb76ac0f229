package dev.vigil.notification;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code vigil.notification.*}: how the outbox is delivered. A row is tried {@code maxAttempts} times,
 * waiting {@code initialBackoff} doubled per attempt (capped at {@code maxBackoff}, with jitter) in between,
 * then fails for good and falls back to the recipient's next contact method. The defaults give a page about
 * 15–30 s on one channel before the next one is tried. The recipient's last contact method is not given up
 * after {@code maxAttempts}: a provider outage (SNS answering 5xx for minutes) must delay pages, not drop
 * them, so it is retried until the row is {@code giveUpAfter} old.
 *
 * @param concurrency messages in flight at once on one node. 16 keeps up with SNS's default SMS quota (20 per
 *        second per account) many times over; more in flight on a small machine only adds contention, and a
 *        call that times out after SNS took it is a duplicate SMS (measured: 64 gave duplicates under full load
 *        on 2 cores, 16 none, and drained faster)
 * @param pollInterval how often the worker looks for due rows besides being woken on commit (retries,
 *        rows another node wrote, rows left by a node that died)
 * @param lease how long a node owns a row it is sending; after that another node may send it
 * @param maxBackoff the longest wait between two attempts of a row. 30 s rather than minutes: a page's worth
 *        decays by the minute, and a provider that is back should see the queue within seconds, not after a
 *        five-minute backoff (a success on a channel also pulls its waiting retries forward at once)
 * @param giveUpAfter how long the recipient's last contact method is retried for passing failures before the
 *        row fails for good (and the incident's timeline says so); zero gives up after {@code maxAttempts}
 * @param degradedAfter notification delivery reports {@code DEGRADED} on {@code /actuator/health} when a
 *        notification has waited longer than this
 * @param acknowledgeLinkTtl how long the SMS's one-tap acknowledge link works
 * @param linkSecret the key that signs acknowledge links; empty means one generated and kept in the database
 */
@Validated
@ConfigurationProperties("vigil.notification")
record NotificationProperties(
        @Min(1) @Max(1000) @DefaultValue("16") int concurrency,
        @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
        @NotNull @DurationMin(millis = 10) @DefaultValue("PT1S") Duration initialBackoff,
        @NotNull @DurationMin(millis = 10) @DefaultValue("PT30S") Duration maxBackoff,
        @NotNull @DefaultValue("PT1H") Duration giveUpAfter,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration degradedAfter,
        @NotNull @DurationMin(millis = 10) @DefaultValue("PT1S") Duration pollInterval,
        @NotNull @DurationMin(seconds = 5) @DefaultValue("PT1M") Duration lease,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("PT12H") Duration acknowledgeLinkTtl,
        String linkSecret,
        @Valid @NotNull @DefaultValue Webhook webhook) {

    /** Without the signing keys (a bound configuration record may be shown in a start-up failure). */
    @Override
    public String toString() {
        return "NotificationProperties[concurrency=" + concurrency + ", maxAttempts=" + maxAttempts + ", initialBackoff="
                + initialBackoff + ", maxBackoff=" + maxBackoff + ", pollInterval=" + pollInterval + ", lease=" + lease
                + ", acknowledgeLinkTtl=" + acknowledgeLinkTtl + ", linkSecret=" + Secrets.hidden(linkSecret)
                + ", webhook=" + webhook + "]";
    }

    /**
     * @param timeout for connecting and for the answer; a slow receiver is retried, not waited for
     * @param signingSecret the HMAC key of {@code X-Vigil-Signature}; empty means one generated and kept in
     *        the database (an admin reads it on the notifications page)
     */
    record Webhook(@NotNull @DurationMin(millis = 100) @DefaultValue("PT5S") Duration timeout, String signingSecret) {

        @Override
        public String toString() {
            return "Webhook[timeout=" + timeout + ", signingSecret=" + Secrets.hidden(signingSecret) + "]";
        }
    }

    /** How a configured secret shows in {@code toString()}: whether it is set, never its value. */
    private static final class Secrets {
        static String hidden(String secret) {
            return secret == null || secret.isEmpty() ? "(generated)" : "(set)";
        }
    }
}

package dev.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.vigil.notification.NotificationRequest.Address;

/** Throttling, the retry limit and fallback as decorators around a scripted channel. */
class NotifierDecoratorsTests {

    private static final Address WEBHOOK = new Address("WEBHOOK", "https://hooks.example/ana");

    /** A channel that answers what it is told, in order, and counts the sends that reached it. */
    private static final class Scripted implements Notifier {
        final Deque<Delivery> answers = new ArrayDeque<>();
        int sends;

        Scripted(Delivery... answers) {
            this.answers.addAll(List.of(answers));
        }

        @Override
        public String channel() {
            return "SMS";
        }

        @Override
        public Delivery send(Message message) {
            sends++;
            return answers.isEmpty() ? Delivery.sent("ok") : answers.poll();
        }
    }

    @Test
    void afterAThrottledAnswerTheChannelPausesAndPauseGrowsWhileThrottlingGoesOn() {
        AtomicLong now = new AtomicLong(0);
        Scripted sms = new Scripted(Delivery.throttled("Throttling", null), Delivery.throttled("Throttling", null));
        ThrottlingNotifier throttling = new ThrottlingNotifier(sms, now::get);

        Delivery first = throttling.send(message(0, List.of()));
        assertThat(first.throttled()).isTrue();
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        Delivery duringPause = throttling.send(message(0, List.of()));
        assertThat(duringPause.throttled()).isTrue();
        assertThat(sms.sends).as("nothing reaches the provider during the pause").isEqualTo(1);

        now.set(1_000);
        assertThat(throttling.send(message(0, List.of())).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        now.set(3_000);
        assertThat(throttling.send(message(0, List.of())).outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(sms.sends).isEqualTo(3);
    }

    @Test
    void aProviderAskingForALongerPauseGetsItUpToThirtySeconds() {
        AtomicLong now = new AtomicLong(0);
        ThrottlingNotifier throttling = new ThrottlingNotifier(new Scripted(
                Delivery.throttled("429", Duration.ofSeconds(7)), Delivery.throttled("429", Duration.ofMinutes(5))), now::get);

        assertThat(throttling.send(message(0, List.of())).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        now.set(7_000);
        assertThat(throttling.send(message(0, List.of())).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theLastAllowedRetryBecomesAFailureWhenThereIsAFallbackButThrottlingNeverDoes() {
        RetryLimitNotifier limited = new RetryLimitNotifier(new Scripted(Delivery.retry("HTTP 503", null),
                Delivery.retry("HTTP 503", null), Delivery.throttled("Throttling", null)), 3, Duration.ofHours(1),
                () -> 0);

        assertThat(limited.send(message(1, List.of(WEBHOOK))).outcome()).isEqualTo(Delivery.Outcome.RETRY);
        Delivery third = limited.send(message(2, List.of(WEBHOOK)));
        assertThat(third.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(third.error()).isEqualTo("Gave up after 3 attempts: HTTP 503");
        assertThat(limited.send(message(9, List.of(WEBHOOK))).outcome()).isEqualTo(Delivery.Outcome.RETRY);
    }

    @Test
    void theLastContactMethodIsRetriedPastTheLimitUntilItIsGiveUpAfterOld() {
        AtomicLong now = new AtomicLong(Duration.ofMinutes(59).toMillis());
        RetryLimitNotifier limited = new RetryLimitNotifier(new Scripted(Delivery.retry("HTTP 500", null),
                Delivery.retry("HTTP 500", null)), 3, Duration.ofHours(1), now::get);

        assertThat(limited.send(message(7, List.of())).outcome()).as("59 min old").isEqualTo(Delivery.Outcome.RETRY);
        now.set(Duration.ofHours(1).toMillis());
        Delivery givenUp = limited.send(message(8, List.of()));
        assertThat(givenUp.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(givenUp.error()).isEqualTo("Gave up after 9 attempts: HTTP 500");
    }

    @Test
    void aFailureFallsBackToTheRecipientsNextContactMethodAndOnlyAFailureDoes() {
        FallbackNotifier fallback = new FallbackNotifier(new Scripted(Delivery.failed("InvalidParameter"),
                Delivery.retry("HTTP 503", null), Delivery.failed("InvalidParameter")));

        assertThat(fallback.send(message(0, List.of(WEBHOOK))).fallbackTo()).isEqualTo(WEBHOOK);
        assertThat(fallback.send(message(0, List.of(WEBHOOK))).fallbackTo()).isNull();
        assertThat(fallback.send(message(0, List.of())).fallbackTo()).as("nothing left to try").isNull();
    }

    private static Message message(int attempts, List<Address> fallback) {
        return new Message(1, "INC-1", "ana", "SMS", "+15550001111", "page", "s", "t", "l", attempts, fallback,
                Instant.EPOCH);
    }
}

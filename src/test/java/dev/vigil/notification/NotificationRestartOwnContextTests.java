package dev.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vigil.TestAccounts;
import dev.vigil.VigilApplication;
import dev.vigil.notification.sns.SnsStandIn;

/**
 * Vigil restarted in the middle of delivering: what was queued and not yet sent goes out after the
 * restart, and every message reaches SNS exactly once (counted at the stand-in).
 */
class NotificationRestartOwnContextTests {

    private static final int MESSAGES = 40;

    @Test
    void pendingNotificationsAreSentAfterARestartAndNoneTwice() throws Exception {
        Path dataDir = Files.createTempDirectory("vigil-notify-restart");
        // The SDK's default chain reads these, as it would AWS_ACCESS_KEY_ID in production.
        System.setProperty("aws.accessKeyId", "AKIDVIGILIT");
        System.setProperty("aws.secretAccessKey", "vigil-it-secret");
        try (SnsStandIn sns = new SnsStandIn().answerAfter(Duration.ofMillis(100))) {
            int sentBeforeStop;
            try (ConfigurableApplicationContext first = start(dataDir, sns)) {
                NotificationManagement notifications = first.getBean(NotificationManagement.class);
                first.getBean(TransactionTemplate.class).executeWithoutResult(tx -> IntStream.range(0, MESSAGES)
                        .forEach(i -> notifications.request(new NotificationRequest(null, "ana", "test", "Restart",
                                "restart #" + i + " of " + MESSAGES, null, false,
                                List.of(new NotificationRequest.Address("SMS", "+1555000" + (1000 + i)))))));
                await().atMost(Duration.ofSeconds(20)).until(() -> sns.published().size() >= 6);
            }
            sentBeforeStop = sns.published().size();
            assertThat(sentBeforeStop).as("stopped in the middle of delivery").isLessThan(MESSAGES);

            try (ConfigurableApplicationContext second = start(dataDir, sns)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> sns.published().size() >= MESSAGES);
                // A duplicate, if there were one, would arrive while the last results are being recorded.
                OutboxRepository outbox = second.getBean(OutboxRepository.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> outbox.countByStatus(Notification.PENDING) == 0);
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                        .until(() -> sns.published().size() == MESSAGES);
            }
            Map<String, Long> perMessage = sns.published().stream()
                    .collect(Collectors.groupingBy(SnsStandIn.Published::message, Collectors.counting()));
            assertThat(perMessage).hasSize(MESSAGES);
            assertThat(perMessage.values()).allMatch(count -> count == 1);
            assertThat(sns.published().stream().map(SnsStandIn.Published::phoneNumber).distinct().count())
                    .isEqualTo(MESSAGES);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, SnsStandIn sns) {
        return new SpringApplicationBuilder(VigilApplication.class).run(
                "--server.port=0",
                "--vigil.data-dir=" + dataDir,
                "--vigil.demo.enabled=false",
                "--vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
                "--vigil.notification.sns.enabled=true",
                "--vigil.notification.sns.endpoint=" + sns.endpoint(),
                "--vigil.notification.concurrency=2");
    }
}

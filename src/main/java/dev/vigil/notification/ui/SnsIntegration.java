package dev.vigil.notification.ui;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.vigil.base.ui.AdminIntegration;
import dev.vigil.notification.sns.SnsProperties;

/** SNS on the admin screen; its credentials come from the AWS SDK's provider chain and are never shown. */
@Component
class SnsIntegration implements AdminIntegration {

    private final SnsProperties sns;

    SnsIntegration(SnsProperties sns) {
        this.sns = sns;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title() {
        return "AWS SNS (SMS and topics)";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                new Setting("Enabled", sns.enabled() ? "yes" : "no — messages go to the log (vigil.notification.sns.enabled)"),
                new Setting("Region", sns.region()),
                new Setting("Endpoint", sns.endpoint() == null ? "AWS" : sns.endpoint().toString()),
                new Setting("Sender id", sns.senderId()),
                new Setting("SMS type", sns.smsType()),
                new Setting("Announcement topic", sns.announcementTopic()),
                new Setting("Credentials", "the AWS SDK's default provider chain (not shown)"));
    }
}

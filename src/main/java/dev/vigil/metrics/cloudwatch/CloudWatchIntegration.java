package dev.vigil.metrics.cloudwatch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.vigil.base.ui.AdminIntegration;

/**
 * The CloudWatch pull on the admin screen. Its settings exist only while it is enabled; the credentials
 * come from the AWS SDK's provider chain and are never shown.
 */
@Component
class CloudWatchIntegration implements AdminIntegration {

    private final ObjectProvider<CloudWatchProperties> properties;

    CloudWatchIntegration(ObjectProvider<CloudWatchProperties> properties) {
        this.properties = properties;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String title() {
        return "AWS CloudWatch pull";
    }

    @Override
    public List<Setting> settings() {
        CloudWatchProperties cloudWatch = properties.getIfAvailable();
        if (cloudWatch == null || !cloudWatch.enabled()) {
            return List.of(new Setting("Enabled", "no (vigil.cloudwatch.enabled)"));
        }
        List<Setting> settings = new ArrayList<>(List.of(
                new Setting("Enabled", "yes"),
                new Setting("Region", cloudWatch.region()),
                new Setting("Endpoint", cloudWatch.endpoint() == null ? "AWS" : cloudWatch.endpoint().toString()),
                new Setting("Interval", cloudWatch.interval().toString()),
                new Setting("Lookback", cloudWatch.lookback().toString())));
        cloudWatch.queries().forEach(q -> settings.add(new Setting(q.name(),
                q.namespace() + " " + q.metric() + " " + q.statistic() + " every " + q.period()
                        + (q.dimensions().isEmpty() ? "" : " " + q.dimensions()))));
        settings.add(new Setting("Credentials", "the AWS SDK's default provider chain (not shown)"));
        return settings;
    }
}

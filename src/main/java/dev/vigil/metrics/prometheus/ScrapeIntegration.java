package dev.vigil.metrics.prometheus;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.vigil.base.ui.AdminIntegration;

/** The Prometheus scrape targets on the admin screen, one line each. */
@Component
class ScrapeIntegration implements AdminIntegration {

    private final ScrapeProperties properties;

    ScrapeIntegration(ScrapeProperties properties) {
        this.properties = properties;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String title() {
        return "Prometheus scrape targets";
    }

    @Override
    public List<Setting> settings() {
        if (properties.targets().isEmpty()) {
            return List.of(new Setting("Targets", "none (vigil.scrape.targets)"));
        }
        return properties.targets().stream()
                .map(t -> new Setting(t.name(), withoutUserInfo(t.url()) + " every " + t.interval() + ", timeout " + t.timeout()
                        + (t.labels().isEmpty() ? "" : ", labels " + t.labels())))
                .toList();
    }

    /** A URL may carry basic-auth credentials ({@code https://user:pass@host/metrics}); they are not shown. */
    private static String withoutUserInfo(java.net.URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "***@");
    }
}

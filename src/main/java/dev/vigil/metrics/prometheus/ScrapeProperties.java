package dev.vigil.metrics.prometheus;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code vigil.scrape.*}: the Prometheus endpoints Vigil scrapes; none unless configured. */
@Validated
@ConfigurationProperties("vigil.scrape")
record ScrapeProperties(@DefaultValue List<@Valid Target> targets) {

    /** The target named {@code name}, if this node has it configured. */
    Optional<Target> target(String name) {
        return targets.stream().filter(target -> target.name().equals(name)).findFirst();
    }

    /** The name is the job label and the Quartz job's identity, so two targets cannot share it. */
    @AssertTrue(message = "target names must be unique")
    boolean isEveryNameUnique() {
        Set<String> names = new HashSet<>();
        return targets.stream().allMatch(target -> target.name() == null || names.add(target.name()));
    }

    /**
     * One scrape target.
     *
     * @param name the {@code job} label of every series scraped from it
     * @param url the metrics endpoint, http or https
     * @param timeout the whole scrape (connect, answer, body) must finish within it
     * @param labels added to every series; a scraped label of the same name is kept as {@code exported_<name>}
     */
    record Target(
            @NotBlank @Size(max = 100) String name,
            @NotNull URI url,
            @DefaultValue("PT15S") @NotNull Duration interval,
            @DefaultValue("PT5S") @NotNull Duration timeout,
            @DefaultValue Map<@Pattern(regexp = "[a-zA-Z_][a-zA-Z0-9_]*") String, @NotEmpty String> labels) {

        @AssertTrue(message = "url must be an absolute http or https URL with a host")
        boolean isUrlScrapable() {
            return url == null || (("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                    && url.getHost() != null);
        }

        /** Like Prometheus: a scrape may not outlast its interval, or scrapes of one target would pile up. */
        @AssertTrue(message = "interval must be at least 1s, timeout positive and not longer than interval")
        boolean isTimingSane() {
            return interval == null || timeout == null || (interval.compareTo(Duration.ofSeconds(1)) >= 0
                    && timeout.isPositive() && timeout.compareTo(interval) <= 0);
        }

        /** job and instance say which target a series came from; letting configuration override them would lie. */
        @AssertTrue(message = "labels must not set job or instance")
        boolean isJobAndInstanceLeftAlone() {
            return labels == null || !(labels.containsKey("job") || labels.containsKey("instance"));
        }

        /** host:port as Prometheus writes it, with the scheme's default port when the URL has none. */
        String instance() {
            int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            return url.getHost() + ":" + port;
        }

        /** The labels every series of this target carries: job, instance and the configured ones. */
        Map<String, String> targetLabels() {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("job", name);
            all.put("instance", instance());
            all.putAll(labels);
            return all;
        }
    }
}

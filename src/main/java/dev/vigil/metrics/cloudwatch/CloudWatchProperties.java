package dev.vigil.metrics.cloudwatch;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code vigil.cloudwatch.*}: where CloudWatch is, how often to pull, and which metrics. Each pull asks
 * for the last {@code lookback} so datapoints CloudWatch publishes late are still picked up; a datapoint
 * pulled twice is stored again at the same timestamp and simply overwrites itself.
 */
@Validated
@ConfigurationProperties("vigil.cloudwatch")
record CloudWatchProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("us-east-1") String region,
        URI endpoint,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration interval,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT10M") Duration lookback,
        // GetMetricData takes at most 500 queries in one request.
        @NotNull @Size(max = 500) @DefaultValue List<@Valid @NotNull Query> queries) {

    /** Vigil's metric name rule (api.md); the metrics module checks it again on ingest. */
    static final String METRIC_NAME = "[a-zA-Z_][a-zA-Z0-9_.:]*";
    /** CloudWatch's statistics, and percentiles p0 to p100 (p95, p99.9). */
    static final String STATISTIC = "Average|Sum|Minimum|Maximum|SampleCount|p(100|\\d{1,2}(\\.\\d{1,2})?)";
    /** The labels every sample gets besides its dimensions. */
    static final String NAMESPACE_LABEL = "namespace";
    static final String STATISTIC_LABEL = "statistic";

    @AssertTrue(message = "lookback must be at least as long as the longest query period")
    boolean isLookbackCoveringEveryPeriod() {
        return lookback == null || queries == null || queries.stream()
                .allMatch(query -> query == null || query.period() == null || lookback.compareTo(query.period()) >= 0);
    }

    /**
     * One CloudWatch metric and statistic, stored under the Vigil metric {@code name} with its
     * dimensions (names made label-safe) plus {@code namespace} and {@code statistic} as labels.
     */
    record Query(
            @NotBlank String namespace,
            @NotBlank String metric,
            // CloudWatch allows at most 30 dimensions per metric.
            @NotNull @Size(max = 30) Map<String, String> dimensions,
            @NotNull @Pattern(regexp = STATISTIC, message = "must be Average, Sum, Minimum, Maximum, SampleCount or pNN")
            String statistic,
            @NotNull @DurationMin(seconds = 1) Duration period,
            @NotNull @Size(max = 200) @Pattern(regexp = METRIC_NAME, message = "must match " + METRIC_NAME) String name) {

        /** Fills in what was left out: no dimensions, a one-minute period, a name derived from the metric. */
        Query {
            dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
            period = period == null ? Duration.ofMinutes(1) : period;
            if ((name == null || name.isBlank()) && namespace != null && metric != null) {
                name = derivedName(namespace, metric);
            }
        }

        /** {@code AWS/EC2} + {@code CPUUtilization} gives {@code aws.aws_ec2.CPUUtilization}. */
        static String derivedName(String namespace, String metric) {
            return "aws." + nameSafe(namespace.toLowerCase(Locale.ROOT)) + "." + nameSafe(metric);
        }

        /** CloudWatch dimension names may hold characters label names may not ({@code Cluster-Name}). */
        static String labelName(String dimension) {
            String safe = dimension.replaceAll("[^a-zA-Z0-9_]", "_");
            return Character.isDigit(safe.charAt(0)) ? "_" + safe : safe;
        }

        /** The labels of every sample of this query. */
        Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            dimensions.forEach((dimension, value) -> labels.put(labelName(dimension), value));
            labels.put(NAMESPACE_LABEL, namespace);
            labels.put(STATISTIC_LABEL, statistic);
            return labels;
        }

        // CloudWatch accepts these periods and nothing in between (1 to 30 s only for high-resolution metrics).
        @AssertTrue(message = "period must be 1, 5, 10, 20 or 30 seconds or a multiple of 60 seconds")
        boolean isPeriodSupported() {
            if (period == null || period.isNegative() || period.isZero() || period.getNano() != 0) {
                return period == null;
            }
            long seconds = period.toSeconds();
            return seconds % 60 == 0 || Set.of(1L, 5L, 10L, 20L, 30L).contains(seconds);
        }

        // Two dimensions sanitised to the same label, or one named like a fixed label, would overwrite each other.
        @AssertTrue(message = "dimension names must stay distinct as label names (at most 100 characters), "
                + "and none may become 'namespace' or 'statistic'")
        boolean isLabelNamesDistinct() {
            if (dimensions == null) {
                return true;
            }
            Set<String> seen = new HashSet<>(Set.of(NAMESPACE_LABEL, STATISTIC_LABEL));
            return dimensions.keySet().stream().allMatch(dimension -> !dimension.isEmpty()
                    && labelName(dimension).length() <= 100 && seen.add(labelName(dimension)));
        }

        private static String nameSafe(String text) {
            return text.replaceAll("[^a-zA-Z0-9_.:]", "_");
        }
    }
}

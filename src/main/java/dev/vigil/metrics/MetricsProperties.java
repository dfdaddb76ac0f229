package dev.vigil.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code vigil.metrics.*}: ingest limits, rollup cadence and retention per resolution (spec.md defaults). */
@Validated
@ConfigurationProperties("vigil.metrics")
public record MetricsProperties(
        @DefaultValue("10000") @Min(1) @Max(100000) int maxSamplesPerRequest,
        @DefaultValue("16MB") DataSize maxRequestSize,
        @DefaultValue("32") @Min(1) int maxLabels,
        @DefaultValue("PT1H") Duration maxFutureSkew,
        @DefaultValue("PT1S") Duration rollupInterval,
        @DefaultValue("PT2S") Duration rollupSettle,
        @DefaultValue Retention retention) {

    /** How long each resolution is kept. */
    public record Retention(@DefaultValue("P7D") Duration raw, @DefaultValue("P90D") Duration oneMinute,
            @DefaultValue("P730D") Duration oneHour, @DefaultValue("PT1H") Duration checkEvery) {
    }
}

package dev.vigil.metrics.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * {@code vigil.demo.*}: the demo metrics generator (on in the embedded default). A fixed {@code seed}
 * makes a run reproducible: the same seed gives the same figures and degradations tick by tick.
 */
@Validated
@ConfigurationProperties("vigil.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, Long seed, @DefaultValue("PT10S") Duration interval,
        @NotBlank @DefaultValue("checkout") String service, @DefaultValue("PT3M") Duration firstDegradationAfter) {
}

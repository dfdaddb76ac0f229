package dev.vigil.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.security.login-throttle.*}: how many failed password checks within {@code window} lock a
 * username or a client address, for how long the first lock lasts (each further one twice as long, up to
 * {@code max-lock}). An address gets more tries than a username: several people may share one address.
 */
@Validated
@ConfigurationProperties("vigil.security.login-throttle")
record LoginThrottleProperties(@Min(1) @DefaultValue("5") int maxFailuresPerUser,
        @Min(1) @DefaultValue("20") int maxFailuresPerAddress, @NotNull @DefaultValue("PT15M") Duration window,
        @NotNull @DefaultValue("PT5M") Duration lock, @NotNull @DefaultValue("PT1H") Duration maxLock) {
}

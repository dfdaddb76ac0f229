package dev.vigil.base.selfcheck;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code vigil.self-monitoring.*}: the watchdog that pages when Vigil itself stalls.
 *
 * @param enabled whether the watchdog runs at all
 * @param checkInterval how often every node runs the checks
 * @param lagIntervals an evaluation is late once it is this many of its rule intervals overdue ...
 * @param minLag ... and at least this long (so a 1 s rule is not called late after a 3 s GC pause)
 * @param jobOverdue a Flowable timer or async job still waiting this long after it was due means the job
 *        executor has stalled
 * @param service the service the self-incidents are opened on; its escalation policy is paged (created at
 *        first start with the default policy)
 * @param heartbeatUrl optional dead man's switch (healthchecks.io, Alertmanager-style watchdog receiver):
 *        fetched every {@code heartbeatInterval} while every check passes, so an outside service pages when
 *        the pings stop because Vigil is entirely down
 * @param heartbeatInterval how often the heartbeat URL is fetched
 */
@Validated
@ConfigurationProperties("vigil.self-monitoring")
public record SelfMonitoringProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DurationMin(millis = 100) @DefaultValue("PT5S") Duration checkInterval,
        @Min(0) @Max(100) @DefaultValue("3") int lagIntervals,
        @NotNull @DurationMin(millis = 100) @DefaultValue("PT30S") Duration minLag,
        @NotNull @DurationMin(millis = 100) @DefaultValue("PT1M") Duration jobOverdue,
        @NotBlank @DefaultValue("vigil") String service,
        URI heartbeatUrl,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration heartbeatInterval) {

    /** How late an evaluation of rules checked every {@code interval} may be before it counts as lagging. */
    public Duration allowedLag(Duration interval) {
        Duration intervals = interval.multipliedBy(lagIntervals);
        return intervals.compareTo(minLag) > 0 ? intervals : minLag;
    }
}

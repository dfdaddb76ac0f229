package dev.vigil.base.scheduling;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the scheduler DOWN when its heartbeat has gone stale; a fresh node is UP while it warms up. */
@Component("scheduler")
class SchedulerHealthIndicator implements HealthIndicator {

    private final SchedulerHeartbeats heartbeats;

    SchedulerHealthIndicator(SchedulerHeartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    /** A database outage makes this DOWN with the reason, rather than an exception that fails the whole endpoint. */
    @Override
    public Health health() {
        try {
            return heartbeat();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }

    private Health heartbeat() {
        return heartbeats.latest()
                .map(beat -> (heartbeats.isStale(beat) ? Health.down() : Health.up())
                        .withDetail("instance", beat.instanceId())
                        .withDetail("lastBeat", beat.beatAt().toString())
                        .withDetail("beats", beat.beats())
                        .build())
                .orElseGet(() -> Health.up().withDetail("lastBeat", "none yet").build());
    }
}

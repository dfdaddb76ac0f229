package dev.vigil.base.selfcheck;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}'s {@code selfMonitoring}: DOWN while one of the watchdog's checks fails. */
@Component(SelfMonitoringHealthIndicator.NAME)
class SelfMonitoringHealthIndicator implements HealthIndicator {

    static final String NAME = "selfMonitoring";

    private final SelfStatus status;

    SelfMonitoringHealthIndicator(SelfStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        SelfStatus.Snapshot latest = status.latest();
        Health.Builder health = latest.failing() ? Health.down() : Health.up();
        latest.findings().forEach(f -> health.withDetail(f.key(), f.summary()));
        return health.build();
    }
}

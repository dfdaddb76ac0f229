package dev.vigil.base.selfcheck;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * How Vigil itself stands, as the watchdog last saw it on this node: its checks' findings and every health
 * component that is not UP. Read by the dashboard and the {@code selfMonitoring} health component, so
 * neither runs a check itself.
 */
@Component
public class SelfStatus {

    /** One health component that is not UP ({@code notificationDelivery}: {@code DEGRADED}, ...). */
    public record HealthProblem(String component, String status, String detail) {
    }

    /** The watchdog's last round; {@code at} is null before the first. */
    public record Snapshot(Instant at, List<Finding> findings, List<HealthProblem> health) {

        public Snapshot {
            findings = List.copyOf(findings);
            health = List.copyOf(health);
        }

        public boolean failing() {
            return findings.stream().anyMatch(Finding::failing);
        }

        /** Anything amiss: a failing check, something a check noticed on this node, or a component not UP. */
        public boolean degraded() {
            return !health.isEmpty() || findings.stream().anyMatch(Finding::degraded);
        }
    }

    private volatile Snapshot latest = new Snapshot(null, List.of(), List.of());

    public Snapshot latest() {
        return latest;
    }

    /** Called by the watchdog after every round. */
    public void update(Snapshot snapshot) {
        latest = snapshot;
    }
}

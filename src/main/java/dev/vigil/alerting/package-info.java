/**
 * Alerting: alert rules evaluated by Quartz against the metrics query API, their state machine
 * (OK, PENDING, FIRING, NO_DATA), history, silences and SLO burn-rate rules. Publishes
 * {@code AlertFired} and {@code AlertRecovered}; never calls the incident module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerting",
        allowedDependencies = {"base", "metrics", "security"})
package dev.vigil.alerting;

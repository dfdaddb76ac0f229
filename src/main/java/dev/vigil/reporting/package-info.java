/**
 * Reporting: the status dashboard and the daily, weekly and monthly performance reports (screen,
 * PDF, CSV), scheduled and archived. Reads the metrics, alerting and incident APIs; changes nothing
 * of theirs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"base", "metrics", "alerting", "incident", "security"})
package dev.vigil.reporting;

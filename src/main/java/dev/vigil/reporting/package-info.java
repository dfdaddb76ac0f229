/**
 * Reporting: the daily, weekly and monthly performance reports per service and overall (screen, PDF,
 * CSV), computed from the metrics module's rollups and the incident module's history; each service's
 * targets, budgets and goals; the Quartz schedule that generates and archives reports. Reads the
 * metrics, alerting and incident APIs and changes nothing of theirs. Publishes {@code ReportPublished}
 * for every archived report and announces it through the notification module; consumes only its own event. The status dashboard lives here
 * too: KPIs against the targets, with incidents, alerts and on-call read through their modules' APIs
 * and pushed to open screens when incident and alert events arrive.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"base", "metrics", "alerting", "incident", "notification", "oncall", "security"})
package dev.vigil.reporting;

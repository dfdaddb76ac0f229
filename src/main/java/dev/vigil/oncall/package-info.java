/**
 * On-call: teams, contact methods, schedules with rotation layers and overrides, escalation policies,
 * and "who is on call now / at T". Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "On-call", allowedDependencies = {"base", "security"})
package dev.vigil.oncall;

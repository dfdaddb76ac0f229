/**
 * On-call: teams, services (with the integration keys other tools send events with), users' contact
 * methods, schedules with rotation layers and overrides, escalation policies, and "who is on call now /
 * at T". {@link dev.vigil.oncall.OnCallManagement} is the door; the incident module reads services and
 * escalation plans there. Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "On-call", allowedDependencies = {"base", "security"})
package dev.vigil.oncall;

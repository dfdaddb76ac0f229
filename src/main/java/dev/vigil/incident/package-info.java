/**
 * Incidents: the BPMN lifecycle ({@code processes/incident.bpmn20.xml}) run by Flowable, incidents
 * with dedup keys, timelines and root-cause analyses, and the intakes (PagerDuty Events API v2,
 * Alertmanager). The only module that knows Flowable. Consumes {@code AlertFired}/{@code AlertRecovered};
 * publishes {@code IncidentOpened}, {@code IncidentAcknowledged}, {@code IncidentEscalated},
 * {@code IncidentResolved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents",
        allowedDependencies = {"base", "alerting", "metrics", "oncall", "notification", "security"})
package dev.vigil.incident;

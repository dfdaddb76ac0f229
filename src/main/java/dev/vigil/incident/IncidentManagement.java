package dev.vigil.incident;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.alerting.Severity;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.notification.NotificationManagement;
import dev.vigil.security.AuditTrail;
import dev.vigil.security.Caller;
import dev.vigil.security.SecurityManagement;

/**
 * The incident module's door: list and read incidents, open one by hand, acknowledge, resolve and
 * write the root-cause analysis. Reading needs a responder or {@code api:read}; acting a responder or
 * {@code api:write}. The caller's name goes into the timeline, and every change into the audit log.
 */
@Service
public class IncidentManagement {

    static final String READ = "hasAnyAuthority('SCOPE_api:read', 'ROLE_RESPONDER')";
    static final String ACT = "hasAnyAuthority('SCOPE_api:write', 'ROLE_RESPONDER')";

    private final IncidentRepository incidents;
    private final TimelineRepository timeline;
    private final RcaRepository rcas;
    private final IncidentLifecycle lifecycle;
    private final RcaWorkflow rcaWorkflow;
    private final NotificationManagement notifications;
    private final SecurityManagement security;
    private final ProcessDiagrams diagrams;
    private final Clock clock;
    private final IncidentHistory history;
    private final AuditTrail audit;

    IncidentManagement(IncidentRepository incidents, TimelineRepository timeline, RcaRepository rcas,
            IncidentLifecycle lifecycle, RcaWorkflow rcaWorkflow, NotificationManagement notifications,
            SecurityManagement security, ProcessDiagrams diagrams, Clock clock, IncidentHistory history,
            AuditTrail audit) {
        this.audit = audit;
        this.history = history;
        this.diagrams = diagrams;
        this.incidents = incidents;
        this.timeline = timeline;
        this.rcas = rcas;
        this.lifecycle = lifecycle;
        this.rcaWorkflow = rcaWorkflow;
        this.notifications = notifications;
        this.security = security;
        this.clock = clock;
    }

    @PreAuthorize(READ)
    public List<Incident> incidents(IncidentFilter filter, int page, int size) {
        return incidents.page(filter, page * size, size);
    }

    @PreAuthorize(READ)
    public long count(IncidentFilter filter) {
        return incidents.count(filter);
    }

    @PreAuthorize(READ)
    public IncidentDetails incident(String id) {
        long number = number(id);
        Incident incident = incidents.find(number).orElseThrow(() -> IncidentLifecycle.notFound(number));
        java.time.Instant due = RcaWorkflow.dueAt(incident);
        return new IncidentDetails(incident, timeline.of(number), rcas.find(number, due).orElse(null), due,
                notifications.ofIncident(incident.id()));
    }

    /** The incident's process diagram (PNG) with the step it is at highlighted; empty if it has none. */
    @PreAuthorize(READ)
    public byte[] processDiagram(String id) {
        long number = number(id);
        return incidents.processInstance(number).map(diagrams::png).orElse(new byte[0]);
    }

    /**
     * The incidents triggered in [from, to), of one service or all ({@code null}), with the facts reports
     * count. No caller check here: scheduled reports run without one, and the reporting module checks
     * its own callers (as the metrics query API does).
     */
    public List<IncidentRecord> history(String service, java.time.Instant from, java.time.Instant to) {
        return history.triggeredBetween(service, from, to);
    }

    /** Opens an incident by hand; it pages like any other. */
    @PreAuthorize(ACT)
    @Transactional
    public Incident open(String title, String service, Severity severity) {
        String by = caller();
        Incident opened = lifecycle.trigger(new TriggerRequest("manual-" + UUID.randomUUID(), title, service, severity,
                IncidentSource.MANUAL, null, null, null, null, Map.of("openedBy", by)), by).incident();
        audit.record("incident.opened", "incident", opened.id(), null, auditState(opened));
        return opened;
    }

    @PreAuthorize(ACT)
    @Transactional
    public Incident acknowledge(String id) {
        long number = number(id);
        Incident before = incidents.find(number).orElse(null);
        Incident after = lifecycle.acknowledge(number, caller());
        auditChange("incident.acknowledged", before, after);
        return after;
    }

    @PreAuthorize(ACT)
    @Transactional
    public Incident resolve(String id) {
        long number = number(id);
        Incident before = incidents.find(number).orElse(null);
        Incident after = lifecycle.resolve(number, caller(), false, null);
        auditChange("incident.resolved", before, after);
        return after;
    }

    /**
     * What the audit log keeps of an incident: its state and who has it, not the whole record (alerts,
     * labels and the timeline are on the incident itself).
     */
    static Map<String, Object> auditState(Incident incident) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", incident.status());
        state.put("assignee", incident.assignee());
        state.put("escalationLevel", incident.escalationLevel());
        return state;
    }

    /** Audits only what changed something: acknowledging an acknowledged incident is no change. */
    private void auditChange(String action, Incident before, Incident after) {
        if (before == null || !auditState(before).equals(auditState(after))) {
            audit.record(action, "incident", after.id(), before == null ? null : auditState(before), auditState(after));
        }
    }

    @PreAuthorize(ACT)
    @Transactional
    public Incident saveRca(String id, String rootCause, String contributingFactors,
            List<RootCauseAnalysis.PreventionMeasure> measures) {
        List<FieldViolation> violations = new java.util.ArrayList<>();
        if (rootCause == null || rootCause.isBlank()) {
            violations.add(new FieldViolation("/rootCause", "is required"));
        }
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).description() == null || measures.get(i).description().isBlank()) {
                violations.add(new FieldViolation("/preventionMeasures/" + i + "/description", "is required"));
            }
        }
        refuse(violations);
        long number = number(id);
        Incident incident = incidents.find(number).orElseThrow(() -> IncidentLifecycle.notFound(number));
        RootCauseAnalysis before = rcas.find(number, RcaWorkflow.dueAt(incident)).orElse(null);
        Incident saved = rcaWorkflow.save(number, new RootCauseAnalysis(rootCause.strip(), contributingFactors, caller(),
                clock.instant(), null, measures));
        audit.record("incident.rca-saved", "incident", saved.id(), before,
                rcas.find(number, RcaWorkflow.dueAt(saved)).orElse(null));
        return saved;
    }

    private String caller() {
        return security.currentCaller().map(Caller::name).orElse("anonymous");
    }

    /** INC-42 → 42; anything else is a 404 rather than a 500. */
    static long number(String id) {
        if (id == null || !id.matches(Incident.PREFIX + "[1-9][0-9]{0,17}")) {
            throw new dev.vigil.base.NotFoundException("No incident " + id + " (ids look like INC-42)");
        }
        return Incident.number(id);
    }

    static void refuse(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The request is invalid; nothing was changed", violations);
        }
    }
}

package dev.vigil.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import dev.vigil.base.ConflictException;
import dev.vigil.base.NotFoundException;
import dev.vigil.oncall.EscalationPlan;
import dev.vigil.oncall.OnCallManagement;

/**
 * Every state change of an incident, each in one transaction with its BPMN step, timeline entry,
 * notifications and event: open or join by dedup key, acknowledge, resolve (by hand or on recovery),
 * close. The table changes first with a conditional update, so of two nodes racing only one moves the
 * process.
 */
@Component
class IncidentLifecycle {

    static final String PROCESS = "incident";
    private static final int JOIN_ATTEMPTS = 5;

    private final IncidentRepository incidents;
    private final TimelineRepository timeline;
    private final OnCallManagement oncall;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentLifecycle(IncidentRepository incidents, TimelineRepository timeline, OnCallManagement oncall,
            RuntimeService runtime, TaskService tasks, ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.oncall = oncall;
        this.runtime = runtime;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** The incident a trigger landed in, and whether it was opened by it. */
    record Triggered(Incident incident, boolean opened) {
    }

    @Transactional
    Triggered trigger(TriggerRequest request, String actor) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
            Optional<Long> joined = incidents.joinOpen(request.dedupKey());
            if (joined.isPresent()) {
                timeline.append(joined.get(), now, actor, "retriggered", "Triggered again: " + request.title());
                return new Triggered(incidents.find(joined.get()).orElseThrow(), false);
            }
            Optional<Long> opened = tryOpen(request, now);
            if (opened.isPresent()) {
                return new Triggered(start(opened.get(), request, actor, now), true);
            }
            // another node opened it between our join and insert: join that one
        }
        throw new IllegalStateException("Could neither open nor join an incident for " + request.dedupKey());
    }

    /** Inserts behind a savepoint, so losing the race on the open-key index leaves the transaction usable. */
    private Optional<Long> tryOpen(TriggerRequest request, Instant now) {
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            long number = incidents.insert(request, policyFor(request), now);
            transaction.releaseSavepoint(savepoint);
            return Optional.of(number);
        } catch (DuplicateKeyException raced) {
            transaction.rollbackToSavepoint(savepoint);
            return Optional.empty();
        }
    }

    private String policyFor(TriggerRequest request) {
        if (request.escalationPolicy() != null) {
            return request.escalationPolicy();
        }
        return Optional.ofNullable(request.service()).flatMap(oncall::service)
                .map(dev.vigil.oncall.ServiceInfo::escalationPolicy).orElse(null);
    }

    private Incident start(long number, TriggerRequest request, String actor, Instant now) {
        Incident incident = incidents.find(number).orElseThrow();
        timeline.append(number, now, actor, "triggered", "Triggered by " + request.source().apiName() + ": "
                + request.title() + (request.silencedBy() != null ? " (silenced by " + request.silencedBy() + ")" : ""));
        EscalationPlan plan = oncall.escalationPlan(incident.escalationPolicy(), now);
        IncidentProcessVariables variables = IncidentProcessVariables.of(incident.id(), plan);
        String processId = runtime.startProcessInstanceByKey(PROCESS, incident.id(), variables.asMap()).getId();
        incidents.setProcessInstance(number, processId);
        events.publishEvent(new IncidentOpened(incident.id(), incident.title(), incident.service(), incident.severity(),
                incident.dedupKey(), incident.source(), now));
        return incidents.find(number).orElseThrow();
    }

    @Transactional
    Incident acknowledge(long number, String by) {
        Incident incident = incidents.find(number).orElseThrow(() -> notFound(number));
        if (incident.status() == IncidentStatus.ACKNOWLEDGED) {
            return incident;
        }
        if (!incident.status().open()) {
            throw new ConflictException(incident.id() + " is " + incident.status() + "; only an open incident can be acknowledged");
        }
        Instant now = clock.instant();
        if (incidents.acknowledge(number, by, now)) {
            activeTask(incident, "acknowledge").ifPresent(t -> tasks.complete(t.getId()));
            timeline.append(number, now, by, "acknowledged", "Acknowledged by " + by);
            events.publishEvent(new IncidentAcknowledged(incident.id(), by, now));
        }
        return incidents.find(number).orElseThrow();
    }

    /** Resolves an open incident; resolving a resolved one changes nothing. */
    @Transactional
    Incident resolve(long number, String by, boolean automatic, String note) {
        Incident incident = incidents.find(number).orElseThrow(() -> notFound(number));
        if (!incident.status().open()) {
            return incident;
        }
        Instant now = clock.instant();
        if (incidents.resolve(number, now)) {
            moveProcessToResolved(incident, automatic);
            timeline.append(number, now, by, "resolved", (automatic ? "Resolved automatically: " : "Resolved by " + by)
                    + (note == null ? "" : (automatic ? "" : ": ") + note));
            events.publishEvent(new IncidentResolved(incident.id(), by, automatic, now));
        }
        return incidents.find(number).orElseThrow();
    }

    private void moveProcessToResolved(Incident incident, boolean automatic) {
        Optional<Task> resolveTask = activeTask(incident, "resolve");
        if (resolveTask.isPresent() && !automatic) {
            tasks.complete(resolveTask.get().getId());
            return;
        }
        String message = automatic ? "alertRecovered" : "resolveRequested";
        String processId = incidents.processInstance(incident.number()).orElse(null);
        if (processId == null) {
            return;
        }
        // the subscription sits on the sub-process' execution, which a business-key query does not match
        Execution waiting = runtime.createExecutionQuery().processInstanceId(processId)
                .messageEventSubscriptionName(message).singleResult();
        if (waiting != null) {
            runtime.messageEventReceived(message, waiting.getId());
        }
    }

    /** Called by the process's last step. */
    @Transactional
    void close(long number) {
        Instant now = clock.instant();
        if (incidents.close(number, now)) {
            timeline.append(number, now, "vigil", "closed", "Closed: root cause and prevention measures recorded");
        }
    }

    Optional<Task> activeTask(Incident incident, String category) {
        return tasks.createTaskQuery().processInstanceBusinessKey(incident.id()).taskCategory(category).list().stream()
                .findFirst();
    }

    static NotFoundException notFound(long number) {
        return new NotFoundException("No incident " + Incident.id(number));
    }
}

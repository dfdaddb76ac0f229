package dev.vigil.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.ConflictException;

/**
 * Records a root-cause analysis and moves the process on: the RCA task is done once a resolved
 * incident has a root cause, the prevention task once it has at least one prevention measure, which
 * closes the incident.
 */
@Component
class RcaWorkflow {

    static final Duration DUE_AFTER_RESOLUTION = Duration.ofHours(24);

    private final IncidentRepository incidents;
    private final RcaRepository rcas;
    private final TimelineRepository timeline;
    private final IncidentLifecycle lifecycle;
    private final TaskService tasks;
    private final Clock clock;

    RcaWorkflow(IncidentRepository incidents, RcaRepository rcas, TimelineRepository timeline,
            IncidentLifecycle lifecycle, TaskService tasks, Clock clock) {
        this.incidents = incidents;
        this.rcas = rcas;
        this.timeline = timeline;
        this.lifecycle = lifecycle;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional
    Incident save(long number, RootCauseAnalysis rca) {
        Incident incident = incidents.find(number).orElseThrow(() -> IncidentLifecycle.notFound(number));
        if (incident.status() == IncidentStatus.CLOSED) {
            throw new ConflictException(incident.id() + " is closed; its root-cause analysis can no longer change");
        }
        Instant now = clock.instant();
        rcas.save(number, rca);
        timeline.append(number, now, rca.author(), "rca", "Root-cause analysis " + (rca.preventionMeasures().isEmpty()
                ? "written" : "written with " + rca.preventionMeasures().size() + " prevention measure(s)"));
        lifecycle.activeTask(incident, "rca").ifPresent(t -> tasks.complete(t.getId()));
        if (!rca.preventionMeasures().isEmpty()) {
            lifecycle.activeTask(incident, "prevention").ifPresent(t -> tasks.complete(t.getId()));
        }
        return incidents.find(number).orElseThrow();
    }

    static Instant dueAt(Incident incident) {
        return incident.resolvedAt() == null ? null : incident.resolvedAt().plus(DUE_AFTER_RESOLUTION);
    }
}

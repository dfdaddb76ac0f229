package dev.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vigil.VigilIntegrationTest;
import dev.vigil.alerting.Severity;
import dev.vigil.oncall.EscalationPlan;
import dev.vigil.oncall.OnCallManagement;

/**
 * Drives incidents through processes/incident.bpmn20.xml on the real engine, every path of spec.md.
 * Time is moved with Flowable's clock and the engine's own job executor fires the timers.
 */
@VigilIntegrationTest
class IncidentProcessIntegrationTests {

    @Autowired
    IncidentLifecycle lifecycle;

    @Autowired
    RcaWorkflow rca;

    @Autowired
    IncidentRepository incidents;

    @Autowired
    TimelineRepository timeline;

    @Autowired
    TaskService tasks;

    @Autowired
    ProcessEngineConfiguration engine;

    @Autowired
    OnCallManagement oncall;

    @Autowired
    org.flowable.engine.ManagementService management;

    @AfterEach
    void resetClock() {
        engine.getClock().reset();
    }

    @Test
    void escalatesThroughEveryLevelAndTheRepeatThenTellsTheManager() {
        EscalationPlan plan = oncall.escalationPlan("default", java.time.Instant.now());
        Incident incident = trigger();
        assertThat(activeTaskKey(incident)).isEqualTo("acknowledge");
        assertThat(incidents.find(incident.number()).orElseThrow().escalationLevel()).isEqualTo(1);

        int steps = plan.levels().size() * (plan.repeat() + 1) - 1;
        for (int step = 1; step <= steps; step++) {
            passLevelTimeout(plan);
            int expectedLevel = step % plan.levels().size() + 1;
            int expectedEscalations = step;
            await().atMost(Duration.ofSeconds(20)).until(() -> kinds(incident).stream()
                    .filter("escalated"::equals).count() == expectedEscalations);
            assertThat(incidents.find(incident.number()).orElseThrow().escalationLevel()).isEqualTo(expectedLevel);
        }
        passLevelTimeout(plan);

        await().atMost(Duration.ofSeconds(20)).until(() -> "acknowledgeLate".equals(activeTaskKey(incident)));
        assertThat(timeline.of(incident.number())).last().satisfies(e -> assertThat(e.message())
                .contains("escalation policy exhausted"));
        assertThat(lifecycle.acknowledge(incident.number(), "ana").status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(activeTaskKey(incident)).isEqualTo("resolve");
    }

    @Test
    void anIncidentAcknowledgedInTimeDoesNotEscalate() {
        Incident incident = trigger();

        Incident acknowledged = lifecycle.acknowledge(incident.number(), "ana");

        // the level timer went with the acknowledge task; only the resolve reminder, on the policy's cycle, waits
        assertThat(management.createTimerJobQuery().processInstanceId(processId(incident)).list())
                .extracting(org.flowable.job.api.Job::getElementId).containsExactly("resolveReminderTimer");
        assertThat(tasks.getVariable(tasks.createTaskQuery().processInstanceBusinessKey(incident.id()).singleResult()
                .getId(), "resolveReminderCycle")).isEqualTo("R/" + oncall.escalationPlan("default",
                        java.time.Instant.now()).resolveReminder());

        assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(acknowledged.assignee()).isEqualTo("ana");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        assertThat(kinds(incident)).doesNotContain("escalated");
        assertThat(activeTaskKey(incident)).isEqualTo("resolve");
    }

    @Test
    void aRecoveryResolvesAnUnacknowledgedIncidentAutomatically() {
        Incident incident = trigger();

        Incident resolved = lifecycle.resolve(incident.number(), "rule r", true, "back to normal");

        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(activeTaskKey(incident)).isEqualTo("rootCauseAnalysis");
        assertThat(timeline.of(incident.number())).last().satisfies(e -> assertThat(e.message())
                .startsWith("Resolved automatically"));
    }

    @Test
    void aResponderMayResolveBeforeAcknowledging() {
        Incident incident = trigger();

        lifecycle.resolve(incident.number(), "ben", false, null);

        assertThat(incidents.find(incident.number()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(activeTaskKey(incident)).isEqualTo("rootCauseAnalysis");
    }

    @Test
    void anOverdueRcaRemindsItsOwnerAndTheManagerAndRecordingItClosesTheIncident() {
        Incident incident = trigger();
        lifecycle.acknowledge(incident.number(), "ana");
        lifecycle.resolve(incident.number(), "ana", false, null);
        Task rcaTask = tasks.createTaskQuery().processInstanceBusinessKey(incident.id()).singleResult();
        assertThat(rcaTask.getTaskDefinitionKey()).isEqualTo("rootCauseAnalysis");
        assertThat(rcaTask.getDueDate()).isNotNull();

        moveClock(Duration.ofHours(24).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> timeline.of(incident.number()).stream()
                .anyMatch(e -> e.message().contains("root-cause analysis overdue")));

        rca.save(incident.number(), new RootCauseAnalysis("Connection pool too small", "Traffic spike", "ana",
                java.time.Instant.now(), null, List.of(new RootCauseAnalysis.PreventionMeasure("Autoscale the pool",
                        "ana", java.time.LocalDate.now().plusDays(7), RootCauseAnalysis.Status.OPEN))));

        Incident closed = incidents.find(incident.number()).orElseThrow();
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(incident.id()).count()).isZero();
    }

    @Test
    void anRcaWithoutPreventionMeasuresWaitsForThem() {
        Incident incident = trigger();
        lifecycle.resolve(incident.number(), "ana", false, null);

        rca.save(incident.number(), new RootCauseAnalysis("Bad deploy", null, "ana", java.time.Instant.now(), null,
                List.of()));

        assertThat(activeTaskKey(incident)).isEqualTo("preventionMeasures");
        assertThat(incidents.find(incident.number()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    private Incident trigger() {
        return lifecycle.trigger(new TriggerRequest("process-test-" + UUID.randomUUID(), "Process test", "checkout",
                Severity.CRITICAL, IncidentSource.MANUAL, "default", null, null, null, Map.of()), "test").incident();
    }

    private List<String> kinds(Incident incident) {
        return timeline.of(incident.number()).stream().map(TimelineEntry::kind).toList();
    }

    private String activeTaskKey(Incident incident) {
        List<Task> active = tasks.createTaskQuery().processInstanceBusinessKey(incident.id()).list();
        return active.isEmpty() ? null : active.getFirst().getTaskDefinitionKey();
    }

    private void passLevelTimeout(EscalationPlan plan) {
        moveClock(plan.levels().getFirst().timeout().plusSeconds(1));
    }

    private void moveClock(Duration by) {
        Clock clock = engine.getClock();
        clock.setCurrentTime(new Date(clock.getCurrentTime().getTime() + by.toMillis()));
    }

    private String processId(Incident incident) {
        return incidents.processInstance(incident.number()).orElseThrow();
    }
}

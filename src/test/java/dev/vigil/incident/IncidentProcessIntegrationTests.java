package dev.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vigil.VigilIntegrationTest;

/**
 * Drives processes/incident.bpmn20.xml through the real engine. Time is moved with Flowable's clock
 * and the engine's own job executor fires the timers, as it would in production.
 */
@VigilIntegrationTest
class IncidentProcessIntegrationTests {

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ProcessEngineConfiguration engine;

    @AfterEach
    void resetClock() {
        engine.getClock().reset();
    }

    @Test
    void escalatesThroughLevelsAndRepeatsThenNotifiesTheManagerWhenNobodyAcknowledges() {
        ProcessInstance incident = start("INC-T1", 2, 1);
        assertThat(activeTask(incident).getTaskDefinitionKey()).isEqualTo("acknowledge");

        List<String> positions = List.of("1/0", "0/1", "1/1");
        for (String expected : positions) {
            passLevelTimeout();
            await().atMost(Duration.ofSeconds(20)).until(() -> position(incident).equals(expected));
        }
        passLevelTimeout();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "acknowledgeLate".equals(activeTask(incident).getTaskDefinitionKey()));
        assertThat(runtime.getVariable(incident.getId(), "escalationExhausted")).isEqualTo(true);
    }

    @Test
    void acknowledgedIncidentWaitsForResolveThenRcaThenPreventionThenCloses() {
        ProcessInstance incident = start("INC-T2", 1, 0);

        complete(incident, "acknowledge");
        complete(incident, "resolve");
        Task rca = activeTask(incident);
        assertThat(rca.getTaskDefinitionKey()).isEqualTo("rootCauseAnalysis");
        assertThat(rca.getDueDate()).isNotNull();
        complete(incident, "rootCauseAnalysis");
        complete(incident, "preventionMeasures");

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(incident.getId()).count()).isZero();
    }

    @Test
    void alertRecoveryResolvesAnUnacknowledgedIncidentAutomatically() {
        ProcessInstance incident = start("INC-T3", 1, 0);

        String waiting = runtime.createExecutionQuery().processInstanceId(incident.getId())
                .messageEventSubscriptionName("alertRecovered").singleResult().getId();
        runtime.messageEventReceived("alertRecovered", waiting);

        assertThat(activeTask(incident).getTaskDefinitionKey()).isEqualTo("rootCauseAnalysis");
    }

    private ProcessInstance start(String incidentId, int levels, int repeat) {
        IncidentProcessVariables variables = new IncidentProcessVariables(incidentId, Duration.ofMinutes(5), levels,
                repeat, Duration.ofMinutes(30), Duration.ofHours(24));
        return runtime.startProcessInstanceByKey("incident", incidentId, variables.asMap());
    }

    private void passLevelTimeout() {
        Clock clock = engine.getClock();
        clock.setCurrentTime(new Date(clock.getCurrentTime().getTime() + Duration.ofMinutes(5).plusSeconds(1).toMillis()));
    }

    private String position(ProcessInstance incident) {
        return runtime.getVariable(incident.getId(), "escalationLevel") + "/"
                + runtime.getVariable(incident.getId(), "escalationCycle");
    }

    private Task activeTask(ProcessInstance incident) {
        return tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult();
    }

    private void complete(ProcessInstance incident, String taskKey) {
        Task task = activeTask(incident);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        tasks.complete(task.getId());
    }
}

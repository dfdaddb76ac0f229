package dev.vigil.incident;

import static dev.vigil.incident.IncidentProcessVariables.ESCALATION_CYCLE;
import static dev.vigil.incident.IncidentProcessVariables.ESCALATION_EXHAUSTED;
import static dev.vigil.incident.IncidentProcessVariables.ESCALATION_LEVEL;
import static dev.vigil.incident.IncidentProcessVariables.INCIDENT_ID;
import static dev.vigil.incident.IncidentProcessVariables.LEVEL_COUNT;
import static dev.vigil.incident.IncidentProcessVariables.LEVEL_TIMEOUT;
import static dev.vigil.incident.IncidentProcessVariables.REPEAT_COUNT;

import java.time.Clock;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The beans the service tasks of {@code processes/incident.bpmn20.xml} call by name. Each maps process
 * variables to a call of {@link Paging} or {@link IncidentLifecycle}; the escalation arithmetic is
 * {@link EscalationPosition}. They run in the transaction of the engine command that reached them.
 */
@Configuration(proxyBeanMethods = false)
class IncidentProcessSteps {

    /** Pages the current level and sets its timeout for the acknowledge timer that follows. */
    @Bean
    JavaDelegate notifyEscalationLevel(@Lazy Paging paging) {
        return execution -> execution.setVariable(LEVEL_TIMEOUT, paging.notifyLevel(number(execution),
                integer(execution, ESCALATION_LEVEL), integer(execution, ESCALATION_CYCLE)).toString());
    }

    @Bean
    JavaDelegate advanceEscalation(@Lazy TimelineRepository timeline, ApplicationEventPublisher events, Clock clock) {
        return execution -> {
            EscalationPosition current = new EscalationPosition(integer(execution, ESCALATION_LEVEL),
                    integer(execution, ESCALATION_CYCLE), false);
            EscalationPosition next = current.advance(integer(execution, LEVEL_COUNT),
                    integer(execution, REPEAT_COUNT));
            execution.setVariable(ESCALATION_LEVEL, next.level());
            execution.setVariable(ESCALATION_CYCLE, next.cycle());
            execution.setVariable(ESCALATION_EXHAUSTED, next.exhausted());
            timeline.append(number(execution), clock.instant(), "vigil", "escalated", next.exhausted()
                    ? "Not acknowledged in time; the escalation policy is exhausted"
                    : "Not acknowledged in time; escalating to level " + (next.level() + 1)
                            + (next.cycle() > 0 ? " (repeat " + next.cycle() + ")" : ""));
            events.publishEvent(new IncidentEscalated((String) execution.getVariable(INCIDENT_ID), next.level() + 1,
                    next.cycle(), next.exhausted(), clock.instant()));
        };
    }

    @Bean
    JavaDelegate notifyManager(@Lazy Paging paging) {
        return execution -> paging.notifyManagers(number(execution));
    }

    @Bean
    JavaDelegate remindResolve(@Lazy Paging paging) {
        return execution -> paging.remindToResolve(number(execution));
    }

    /** The resolution was recorded before the recovery message was sent; nothing is left to do. */
    @Bean
    JavaDelegate autoResolve() {
        return execution -> {
        };
    }

    @Bean
    JavaDelegate notifyRcaOverdue(@Lazy Paging paging) {
        return execution -> paging.remindRcaOverdue(number(execution));
    }

    @Bean
    JavaDelegate closeIncident(@Lazy IncidentLifecycle lifecycle) {
        return execution -> lifecycle.close(number(execution));
    }

    private static long number(DelegateExecution execution) {
        return Incident.number((String) execution.getVariable(INCIDENT_ID));
    }

    private static int integer(DelegateExecution execution, String name) {
        return ((Number) execution.getVariable(name)).intValue();
    }
}

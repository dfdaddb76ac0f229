package dev.vigil.incident;

import static dev.vigil.incident.IncidentProcessVariables.ESCALATION_CYCLE;
import static dev.vigil.incident.IncidentProcessVariables.ESCALATION_EXHAUSTED;
import static dev.vigil.incident.IncidentProcessVariables.ESCALATION_LEVEL;
import static dev.vigil.incident.IncidentProcessVariables.INCIDENT_ID;
import static dev.vigil.incident.IncidentProcessVariables.LEVEL_COUNT;
import static dev.vigil.incident.IncidentProcessVariables.REPEAT_COUNT;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the service tasks of {@code processes/incident.bpmn20.xml} call by name. Each only maps
 * process variables to a module call. Until the incidents and notifications issues land, the
 * notifying steps log what they would send (there is no incident store or notifier yet); the
 * escalation arithmetic is real.
 */
@Configuration(proxyBeanMethods = false)
class IncidentProcessSteps {

    private static final Logger log = LoggerFactory.getLogger(IncidentProcessSteps.class);

    @Bean
    JavaDelegate notifyEscalationLevel() {
        return execution -> log.info("Incident {}: notify escalation level {} (cycle {}) — not delivered: "
                        + "notifications are not built yet", incident(execution),
                execution.getVariable(ESCALATION_LEVEL), execution.getVariable(ESCALATION_CYCLE));
    }

    @Bean
    JavaDelegate advanceEscalation() {
        return execution -> {
            EscalationPosition current = new EscalationPosition(integer(execution, ESCALATION_LEVEL),
                    integer(execution, ESCALATION_CYCLE), false);
            EscalationPosition next = current.advance(integer(execution, LEVEL_COUNT),
                    integer(execution, REPEAT_COUNT));
            execution.setVariable(ESCALATION_LEVEL, next.level());
            execution.setVariable(ESCALATION_CYCLE, next.cycle());
            execution.setVariable(ESCALATION_EXHAUSTED, next.exhausted());
        };
    }

    @Bean
    JavaDelegate notifyManager() {
        return execution -> log.info("Incident {}: escalation policy exhausted, notify the manager — not "
                + "delivered: notifications are not built yet", incident(execution));
    }

    @Bean
    JavaDelegate remindResolve() {
        return execution -> log.info("Incident {}: still unresolved, remind the assignee", incident(execution));
    }

    @Bean
    JavaDelegate autoResolve() {
        return execution -> log.info("Incident {}: alert recovered, resolved automatically", incident(execution));
    }

    @Bean
    JavaDelegate notifyRcaOverdue() {
        return execution -> log.info("Incident {}: root-cause analysis overdue, remind owner and manager",
                incident(execution));
    }

    @Bean
    JavaDelegate closeIncident() {
        return execution -> log.info("Incident {}: closed", incident(execution));
    }

    private static Object incident(DelegateExecution execution) {
        return execution.getVariable(INCIDENT_ID);
    }

    private static int integer(DelegateExecution execution, String name) {
        return ((Number) execution.getVariable(name)).intValue();
    }
}

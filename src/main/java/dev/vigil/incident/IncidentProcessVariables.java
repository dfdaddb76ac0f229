package dev.vigil.incident;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables the incident process reads. Durations are ISO-8601 strings because BPMN timers take
 * them as they are; they come from the escalation policy, with the defaults of spec.md.
 */
record IncidentProcessVariables(String incidentId, Duration levelTimeout, int levelCount, int repeatCount,
        Duration resolveReminderInterval, Duration rcaDueIn) {

    static final String INCIDENT_ID = "incidentId";
    static final String LEVEL_TIMEOUT = "levelTimeout";
    static final String LEVEL_COUNT = "levelCount";
    static final String REPEAT_COUNT = "repeatCount";
    static final String ESCALATION_LEVEL = "escalationLevel";
    static final String ESCALATION_CYCLE = "escalationCycle";
    static final String ESCALATION_EXHAUSTED = "escalationExhausted";
    static final String RESOLVE_REMINDER_CYCLE = "resolveReminderCycle";
    static final String RCA_DUE_IN = "rcaDueIn";

    /**
     * The variables for an incident paged with this plan: level timeouts, repeat and the resolve reminder
     * from the policy; the RCA is due 24 h after resolution for every incident (spec.md).
     */
    static IncidentProcessVariables of(String incidentId, dev.vigil.oncall.EscalationPlan plan) {
        Duration firstTimeout = plan.levels().isEmpty() ? Duration.ofMinutes(5) : plan.levels().getFirst().timeout();
        return new IncidentProcessVariables(incidentId, firstTimeout, Math.max(1, plan.levels().size()), plan.repeat(),
                plan.resolveReminder(), RcaWorkflow.DUE_AFTER_RESOLUTION);
    }

    Map<String, Object> asMap() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(INCIDENT_ID, incidentId);
        variables.put(LEVEL_TIMEOUT, levelTimeout.toString());
        variables.put(LEVEL_COUNT, levelCount);
        variables.put(REPEAT_COUNT, repeatCount);
        variables.put(ESCALATION_LEVEL, 0);
        variables.put(ESCALATION_CYCLE, 0);
        variables.put(ESCALATION_EXHAUSTED, false);
        variables.put(RESOLVE_REMINDER_CYCLE, "R/" + resolveReminderInterval);
        variables.put(RCA_DUE_IN, rcaDueIn.toString());
        return variables;
    }
}

package dev.vigil.security;

/** What a person may do in Vigil; each role includes the ones before it. */
public enum Role {
    /** View, acknowledge, resolve, write the root-cause analysis. */
    RESPONDER,
    /** Also reports, escalation policies, schedules, targets and goals. */
    MANAGER,
    /** Also users, API tokens and integrations. */
    ADMIN
}

package dev.vigil.oncall;

import java.util.List;

/**
 * An escalation policy with its recipients resolved at one instant (schedules replaced by whoever is on
 * call then), ready to be walked by the incident process.
 *
 * @param policy the policy's id
 * @param repeat how many times the whole policy is repeated after its last level timed out (0 = once)
 * @param managers who is told once the policy is exhausted: the manager of the policy's team
 * @param resolveReminder how often an acknowledged, unresolved incident reminds its assignee
 */
public record EscalationPlan(String policy, int repeat, List<EscalationLevel> levels, List<Recipient> managers,
        java.time.Duration resolveReminder) {
}

package dev.vigil.incident;

/**
 * Where an unacknowledged incident stands in its escalation policy: the level being notified and
 * how many times the whole policy has been repeated. Pure logic, so that the BPMN only says when.
 */
record EscalationPosition(int level, int cycle, boolean exhausted) {

    static EscalationPosition start() {
        return new EscalationPosition(0, 0, false);
    }

    /**
     * The position after a level timed out: the next level, or the first level again once the last
     * has timed out, until the policy has been repeated {@code repeatCount} times; then exhausted
     * (the manager is told and nobody else is paged).
     */
    EscalationPosition advance(int levelCount, int repeatCount) {
        if (levelCount < 1) {
            throw new IllegalArgumentException("an escalation policy has at least one level");
        }
        int nextLevel = level + 1;
        int nextCycle = cycle;
        if (nextLevel >= levelCount) {
            nextLevel = 0;
            nextCycle++;
        }
        boolean policyExhausted = nextCycle > repeatCount;
        return policyExhausted ? new EscalationPosition(level, cycle, true)
                : new EscalationPosition(nextLevel, nextCycle, false);
    }
}

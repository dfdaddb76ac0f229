package dev.vigil.incident;

/** Where an incident stands; only TRIGGERED and ACKNOWLEDGED are open. */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED, CLOSED;

    public boolean open() {
        return this == TRIGGERED || this == ACKNOWLEDGED;
    }
}

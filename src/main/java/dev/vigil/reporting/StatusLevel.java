package dev.vigil.reporting;

/** Where a KPI, a service or everything stands against the targets, worst last. */
public enum StatusLevel {
    /** No data, or no target to judge by: shown, but never decides the overall status. */
    UNKNOWN,
    GOOD,
    DEGRADED,
    CRITICAL;

    /** The worse of two; {@link #UNKNOWN} loses to any judged level. */
    public StatusLevel worse(StatusLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public String label() {
        return switch (this) {
            case UNKNOWN -> "No data";
            case GOOD -> "Good";
            case DEGRADED -> "Degraded";
            case CRITICAL -> "Critical";
        };
    }
}

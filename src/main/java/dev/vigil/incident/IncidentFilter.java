package dev.vigil.incident;

import java.time.Instant;
import java.util.Set;

/** Which incidents a list shows: any of these statuses (none = all), one service, a trigger-time range. */
public record IncidentFilter(Set<IncidentStatus> statuses, String service, Instant triggeredFrom,
        Instant triggeredTo) {

    public IncidentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static IncidentFilter all() {
        return new IncidentFilter(Set.of(), null, null, null);
    }
}

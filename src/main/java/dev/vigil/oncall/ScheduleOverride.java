package dev.vigil.oncall;

import java.time.Instant;

/** Someone taking over a schedule for a while; wins over every rotation layer. */
public record ScheduleOverride(String id, String username, Instant start, Instant end, String createdBy) {

    boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}

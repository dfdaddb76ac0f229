package dev.vigil.oncall;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A schedule: rotation layers read in one time zone, and overrides. Later layers win over earlier ones
 * wherever they have someone; an override wins over every layer.
 */
record Schedule(String id, String name, ZoneId zone, List<Layer> layers, List<ScheduleOverride> overrides)
        implements OnCallDocument {

    Schedule withId(String newId) {
        return new Schedule(newId, name, zone, layers, overrides);
    }

    Schedule withOverrides(List<ScheduleOverride> newOverrides) {
        return new Schedule(id, name, zone, layers, List.copyOf(newOverrides));
    }

    /**
     * A rotation: the participants take turns of one rotation length each, in order. The first is on
     * call from {@code start} until the first handoff, one rotation after the start's date at the
     * handoff time; later handoffs follow at the same local time, so they stay put across daylight
     * saving changes (a turn then lasts an hour more or less).
     *
     * @param end exclusive, or null for a layer that goes on
     */
    record Layer(String name, LocalDateTime start, LocalDateTime end, Rotation rotation, LocalTime handoffTime,
            List<String> participants) {
    }

    /**
     * A turn's length on the wall clock: {@code daily}, {@code weekly}, or an ISO-8601 length of whole
     * days ({@code P3D}, {@code P2W}) or whole hours ({@code PT12H}).
     */
    record Rotation(String text, long minutes) {

        static final Rotation DAILY = new Rotation("daily", 24 * 60);
        static final Rotation WEEKLY = new Rotation("weekly", 7 * 24 * 60);
    }
}

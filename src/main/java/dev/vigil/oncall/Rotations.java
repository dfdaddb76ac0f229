package dev.vigil.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import dev.vigil.oncall.Schedule.Layer;

/**
 * Who is on call for a schedule, and when: pure calculation over its layers and overrides, with the
 * semantics PagerDuty users know. An override wins over every layer; of the layers, the last one that
 * has someone at the instant wins. Handoffs happen at the layer's local handoff time in the schedule's
 * time zone (wall clock), so a daylight saving change lengthens or shortens a turn instead of moving
 * the handoff.
 */
final class Rotations {

    /** How far either way {@link #at} looks for the start and end of the current shift. */
    static final Duration HORIZON = Duration.ofDays(90);

    private Rotations() {
    }

    /**
     * The shift covering {@code at}, merged across handoffs to the same person. Its start is at most
     * {@link #HORIZON} back; its end is null when nobody else takes over within the horizon.
     */
    static Optional<Shift> at(Schedule schedule, Instant at) {
        Instant from = at.minus(HORIZON);
        Instant to = at.plus(HORIZON);
        return shifts(schedule, from, to).stream()
                .filter(s -> !s.start().isAfter(at) && s.end().isAfter(at))
                .findFirst()
                .map(s -> s.end().equals(to) ? new Shift(s.username(), s.start(), null, s.source()) : s);
    }

    /**
     * The shifts over {@code [from, to)}, in order, clipped to that range; adjacent shifts of the same
     * person are merged and a stretch where nobody is on call has no shift.
     */
    static List<Shift> shifts(Schedule schedule, Instant from, Instant to) {
        List<Instant> boundaries = new ArrayList<>(boundaries(schedule, from, to));
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i < boundaries.size(); i++) {
            Instant start = boundaries.get(i);
            Instant end = i + 1 < boundaries.size() ? boundaries.get(i + 1) : to;
            Optional<Shift> who = whoAt(schedule, start);
            if (who.isEmpty()) {
                continue;
            }
            Shift last = shifts.isEmpty() ? null : shifts.getLast();
            if (last != null && last.end().equals(start) && last.username().equals(who.get().username())) {
                shifts.set(shifts.size() - 1, new Shift(last.username(), last.start(), end, last.source()));
            } else {
                shifts.add(new Shift(who.get().username(), start, end, who.get().source()));
            }
        }
        return shifts;
    }

    /** Who is on call at the instant and why (layer name or override), without the shift's extent. */
    static Optional<Shift> whoAt(Schedule schedule, Instant at) {
        for (ScheduleOverride o : schedule.overrides().reversed()) {
            if (o.covers(at)) {
                return Optional.of(new Shift(o.username(), o.start(), o.end(), Shift.OVERRIDE));
            }
        }
        for (Layer layer : schedule.layers().reversed()) {
            if (active(layer, schedule.zone(), at)) {
                List<String> participants = layer.participants();
                String who = participants.get((int) Math.floorMod(turn(layer, schedule.zone(), at), participants.size()));
                return Optional.of(new Shift(who, null, null, layer.name()));
            }
        }
        return Optional.empty();
    }

    /** Every instant in [from, to) at which the answer of {@link #whoAt} may change, and {@code from}. */
    private static TreeSet<Instant> boundaries(Schedule schedule, Instant from, Instant to) {
        TreeSet<Instant> boundaries = new TreeSet<>();
        boundaries.add(from);
        for (ScheduleOverride o : schedule.overrides()) {
            addWithin(boundaries, o.start(), from, to);
            addWithin(boundaries, o.end(), from, to);
        }
        for (Layer layer : schedule.layers()) {
            Instant start = start(layer, schedule.zone());
            Instant end = layer.end() == null ? to : min(to, local(layer.end(), schedule.zone()));
            addWithin(boundaries, start, from, to);
            addWithin(boundaries, end, from, to);
            if (!start.isBefore(end) || !end.isAfter(from)) {
                continue;
            }
            Instant first = start.isAfter(from) ? start : from;
            for (long k = turn(layer, schedule.zone(), first) + 1; ; k++) {
                Instant handoff = handoff(layer, schedule.zone(), k);
                if (!handoff.isBefore(end)) {
                    break;
                }
                addWithin(boundaries, handoff, from, to);
            }
        }
        return boundaries;
    }

    static boolean active(Layer layer, ZoneId zone, Instant at) {
        return !at.isBefore(start(layer, zone)) && (layer.end() == null || at.isBefore(local(layer.end(), zone)));
    }

    /**
     * The number of the turn under way at {@code at} (0 for the first, which runs from the layer's start
     * until handoff 1).
     */
    static long turn(Layer layer, ZoneId zone, Instant at) {
        long minutes = ChronoUnit.MINUTES.between(anchor(layer), LocalDateTime.ofInstant(at, zone));
        long k = Math.floorDiv(minutes, layer.rotation().minutes());
        // The wall-clock estimate can be one off around a daylight saving change; the instants decide.
        while (k > 0 && handoff(layer, zone, k).isAfter(at)) {
            k--;
        }
        while (!handoff(layer, zone, k + 1).isAfter(at)) {
            k++;
        }
        return Math.max(0, k);
    }

    /** When turn {@code k} begins (for k ≥ 1): k rotations after the start's date at the handoff time. */
    static Instant handoff(Layer layer, ZoneId zone, long k) {
        return local(anchor(layer).plusMinutes(k * layer.rotation().minutes()), zone);
    }

    private static LocalDateTime anchor(Layer layer) {
        return layer.start().toLocalDate().atTime(layer.handoffTime());
    }

    private static Instant start(Layer layer, ZoneId zone) {
        return local(layer.start(), zone);
    }

    /** A local time that a spring-forward gap skips means the same time an hour later, as clocks show. */
    private static Instant local(LocalDateTime time, ZoneId zone) {
        return ZonedDateTime.of(time, zone).toInstant();
    }

    private static void addWithin(TreeSet<Instant> boundaries, Instant at, Instant from, Instant to) {
        if (at.isAfter(from) && at.isBefore(to)) {
            boundaries.add(at);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

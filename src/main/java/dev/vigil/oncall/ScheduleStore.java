package dev.vigil.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.NotFoundException;
import dev.vigil.security.Caller;
import dev.vigil.security.SecurityManagement;
import tools.jackson.databind.JsonNode;

/**
 * Schedules with their overrides. Replacing a schedule without an {@code overrides} field keeps the
 * ones it has (a script that manages the rotations does not wipe the swaps people made in the UI).
 * Overrides that ended a month ago are dropped whenever a schedule is written.
 */
@Component
class ScheduleStore extends DocumentStore<Schedule> {

    static final Duration KEEP_ENDED_OVERRIDES = Duration.ofDays(30);

    private final SecurityManagement security;
    private final Clock clock;

    ScheduleStore(DocumentRepository documents, LiveReferences references, SecurityManagement security, Clock clock) {
        super(OnCallResource.SCHEDULES, documents, references, ScheduleJson::read, ScheduleJson::write, Schedule::withId);
        this.security = security;
        this.clock = clock;
    }

    @Override
    Schedule beforeCreate(Schedule schedule, JsonNode body) {
        return schedule.withOverrides(current(schedule.overrides().stream()));
    }

    @Override
    Schedule beforeUpdate(Schedule existing, Schedule replacement, JsonNode body) {
        List<ScheduleOverride> overrides = body.has("overrides") ? replacement.overrides() : existing.overrides();
        return replacement.withOverrides(current(overrides.stream()));
    }

    @Override
    List<String> deleteBlockers(Schedule schedule) {
        List<String> policies = allOf(OnCallResource.ESCALATION_POLICIES, EscalationPolicy::read).stream()
                .filter(p -> p.uses(EscalationPolicy.TargetType.SCHEDULE, schedule.id())).map(EscalationPolicy::id)
                .toList();
        return policies.isEmpty() ? List.of() : List.of("escalation policies " + policies + " page it");
    }

    /** Adds {@code {"user", "start", "end"}} to the schedule; an override that ended already is refused. */
    @Transactional
    ScheduleOverride addOverride(String scheduleRef, JsonNode body) {
        Schedule schedule = locked(scheduleRef);
        List<FieldViolation> violations = new ArrayList<>();
        ScheduleOverride read = ScheduleJson.override(Fields.document(body, "an override", violations), references());
        if (read.end() != null && !read.end().isAfter(clock.instant())) {
            violations.add(new FieldViolation("/end", "is in the past; the override would never apply"));
        }
        refuse(violations);
        ScheduleOverride added = new ScheduleOverride(ScheduleJson.newOverrideId(), read.username(), read.start(),
                read.end(), caller());
        store(schedule.withOverrides(current(Stream.concat(schedule.overrides().stream(), Stream.of(added)))));
        return added;
    }

    @Transactional
    void removeOverride(String scheduleRef, String overrideId) {
        Schedule schedule = locked(scheduleRef);
        List<ScheduleOverride> kept = schedule.overrides().stream().filter(o -> !o.id().equals(overrideId)).toList();
        if (kept.size() == schedule.overrides().size()) {
            throw new NotFoundException("Schedule " + schedule.id() + " has no override " + overrideId);
        }
        store(schedule.withOverrides(kept));
    }

    /** The schedule read under a row lock, so that two overrides added at once both stay. */
    private Schedule locked(String scheduleRef) {
        return parse(documents.lock(kind, get(scheduleRef).id()).orElseThrow());
    }

    private void store(Schedule schedule) {
        documents.update(kind, schedule, write(schedule));
    }

    /** Overrides worth keeping, each with who made it. */
    private List<ScheduleOverride> current(Stream<ScheduleOverride> overrides) {
        Instant keepAfter = clock.instant().minus(KEEP_ENDED_OVERRIDES);
        return overrides.filter(o -> o.end().isAfter(keepAfter))
                .map(o -> o.createdBy() != null ? o
                        : new ScheduleOverride(o.id(), o.username(), o.start(), o.end(), caller()))
                .toList();
    }

    private String caller() {
        return security.currentCaller().map(Caller::name).orElse("system");
    }
}

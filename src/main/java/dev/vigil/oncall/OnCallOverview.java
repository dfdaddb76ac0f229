package dev.vigil.oncall;

import java.time.Instant;
import java.util.List;

/** Who is on call at one instant: per schedule, and the first level of each escalation policy. */
public record OnCallOverview(Instant at, List<ScheduleNow> schedules, List<PolicyNow> escalationPolicies) {

    /** A user by name, for display. */
    public record Person(String username, String displayName) {
    }

    /**
     * A schedule's current shift; {@code onCall} is null when nobody is.
     *
     * @param since when the shift began (at most 90 days back)
     * @param until when someone else takes over; null if not within 90 days
     * @param source the rotation layer's name, or {@code override}
     */
    public record ScheduleNow(String id, String name, String timeZone, Person onCall, Instant since, Instant until,
            String source) {
    }

    /** Whom an incident escalating by the policy would page first. */
    public record PolicyNow(String id, String name, List<Person> firstLevel) {
    }
}

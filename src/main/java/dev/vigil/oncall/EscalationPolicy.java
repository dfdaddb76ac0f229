package dev.vigil.oncall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ordered levels of targets (users or schedules), each with a timeout before the next is notified, and
 * how often the whole policy is repeated. The team's manager is told when it is exhausted.
 *
 * @param team the owning team's id, or null for the default team
 */
record EscalationPolicy(String id, String name, String team, int repeat, List<Level> levels,
        Duration resolveReminder)
        implements OnCallDocument {

    static final String DEFAULT = "default";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration MIN_TIMEOUT = Duration.ofMinutes(1);
    static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    static final int MAX_REPEAT = 10;
    /** How often an acknowledged, unresolved incident reminds its assignee. */
    static final Duration DEFAULT_RESOLVE_REMINDER = Duration.ofMinutes(30);
    static final Duration MIN_RESOLVE_REMINDER = Duration.ofMinutes(5);

    /** A level: whom to notify, and how long to wait for an acknowledgement. */
    record Level(Duration timeout, List<Target> targets) {
    }

    /** A user (ref = username) or a schedule (ref = schedule id). */
    record Target(TargetType type, String ref) {
    }

    enum TargetType {
        USER, SCHEDULE
    }

    EscalationPolicy withId(String newId) {
        return new EscalationPolicy(newId, name, team, repeat, levels, resolveReminder);
    }

    /**
     * {@code {"id", "name", "team", "repeat": 0..10, "levels": [{"timeout": "PT5M", "targets":
     * [{"type": "USER|SCHEDULE", "ref": "..."}]}]}}: at least one level, each with at least one target
     * that exists; timeouts from PT1M to P1D (default PT5M); {@code resolveReminder} from PT5M to P1D
     * (default PT30M).
     */
    static EscalationPolicy read(JsonNode node, References refs, List<FieldViolation> violations) {
        Fields f = Fields.document(node, "an escalation policy", violations);
        String id = f.id();
        String name = f.text("name", true, 200);
        String team = f.reference("team", false, OnCallResource.TEAMS, refs);
        int repeat = f.whole("repeat", 0, 0, MAX_REPEAT);
        List<Level> levels = new ArrayList<>();
        for (Fields level : f.objects("levels", 1, 20)) {
            Duration timeout = level.duration("timeout", DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT);
            List<Target> targets = new ArrayList<>();
            for (Fields target : level.objects("targets", 1, 20)) {
                TargetType type = target.parsed("type", null, EscalationPolicy::targetType, "USER or SCHEDULE");
                OnCallResource kind = type == TargetType.SCHEDULE ? OnCallResource.SCHEDULES : null;
                String ref = type == null ? target.text("ref", true, 200) : target.reference("ref", true, kind, refs);
                targets.add(new Target(type, ref));
            }
            levels.add(new Level(timeout, targets));
        }
        Duration resolveReminder = f.duration("resolveReminder", DEFAULT_RESOLVE_REMINDER, MIN_RESOLVE_REMINDER,
                MAX_TIMEOUT);
        return new EscalationPolicy(id, name, team, repeat, levels, resolveReminder);
    }

    private static TargetType targetType(String text) {
        try {
            return TargetType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    ObjectNode write() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("name", name);
        json.put("team", team);
        json.put("repeat", repeat);
        json.put("resolveReminder", resolveReminder.toString());
        ArrayNode levelsJson = json.putArray("levels");
        for (Level level : levels) {
            ObjectNode levelJson = levelsJson.addObject();
            levelJson.put("timeout", level.timeout().toString());
            ArrayNode targetsJson = levelJson.putArray("targets");
            level.targets().forEach(t -> targetsJson.addObject().put("type", t.type().name()).put("ref", t.ref()));
        }
        return json;
    }

    /** Whether any level names this schedule. */
    boolean uses(TargetType type, String ref) {
        return levels.stream().flatMap(l -> l.targets().stream())
                .anyMatch(t -> t.type() == type && t.ref().equals(ref));
    }
}

package dev.vigil.oncall;

import java.util.List;
import java.util.Objects;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A monitored service as stored: its team, the escalation policy its incidents follow, the integration
 * key other tools send events with, and free-form targets that reports read.
 *
 * @param team the team's id (on input: an id or name, see {@link ServiceStore})
 * @param targets an object, or null
 */
record ServiceEntry(String id, String name, String team, String escalationPolicy, String integrationKey,
        JsonNode targets) implements OnCallDocument {

    static final String DEMO = "checkout";
    private static final int MAX_TARGETS_LENGTH = 32_000;

    /** Without the integration key, which lets anyone who has it open incidents for the service. */
    @Override
    public String toString() {
        return "ServiceEntry[id=" + id + ", name=" + name + ", team=" + team + ", escalationPolicy=" + escalationPolicy
                + ", integrationKey=" + (integrationKey == null ? null : "(hidden)") + ", targets=" + targets + "]";
    }

    ServiceEntry with(String newId, String newTeam, String newKey) {
        return new ServiceEntry(newId, name, newTeam, escalationPolicy, newKey, targets);
    }

    /**
     * {@code {"id", "name", "team", "escalationPolicy", "targets": {...}}}; team and policy default to
     * {@code default}. The team is left as written
     * (a team named here that does not exist yet is created with the service); {@code integrationKey}
     * is Vigil's to set and ignored.
     */
    static ServiceEntry read(JsonNode node, References refs, List<FieldViolation> violations) {
        Fields f = Fields.document(node, "a service", violations);
        String id = f.id();
        String name = f.text("name", true, 200);
        String team = Objects.requireNonNullElse(f.text("team", false, 200), Team.DEFAULT);
        String policy = f.text("escalationPolicy", false, 200) == null ? EscalationPolicy.DEFAULT
                : f.reference("escalationPolicy", true, OnCallResource.ESCALATION_POLICIES, refs);
        JsonNode targets = f.raw("targets");
        if (targets != null && targets.isNull()) {
            targets = null;
        } else if (targets != null && !targets.isObject()) {
            f.reject("targets", "must be an object");
        } else if (targets != null && targets.toString().length() > MAX_TARGETS_LENGTH) {
            f.reject("targets", "must be at most " + MAX_TARGETS_LENGTH + " characters of JSON");
        }
        String key = f.has("integrationKey") && refs == References.AS_STORED ? f.text("integrationKey", false, 32) : null;
        return new ServiceEntry(id, name, team, policy, key, targets);
    }

    ObjectNode write() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("name", name);
        json.put("team", team);
        json.put("escalationPolicy", escalationPolicy);
        json.put("integrationKey", integrationKey);
        if (targets != null) {
            json.set("targets", targets);
        }
        return json;
    }
}

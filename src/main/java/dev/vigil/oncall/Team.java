package dev.vigil.oncall;

import java.util.List;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A team: owns services and escalation policies; its manager hears of incidents nobody acknowledged. */
record Team(String id, String name, String manager, List<String> members) implements OnCallDocument {

    static final String DEFAULT = "default";

    Team withId(String newId) {
        return new Team(newId, name, manager, members);
    }

    /** {@code {"id", "name", "manager", "members": [...]}}; the manager and members must be users. */
    static Team read(JsonNode node, References refs, List<FieldViolation> violations) {
        Fields f = Fields.document(node, "a team", violations);
        return new Team(f.id(), f.text("name", true, 200), f.reference("manager", false, null, refs),
                f.users("members", 0, 500, refs));
    }

    ObjectNode write() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("name", name);
        json.put("manager", manager);
        members.forEach(json.putArray("members")::add);
        return json;
    }
}

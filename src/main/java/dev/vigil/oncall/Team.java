package dev.vigil.oncall;

import java.util.List;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A team: owns services and escalation policies; its manager hears of incidents nobody acknowledged.
 *
 * @param broadcastTopic an SNS topic ARN told of every new incident of the team's services, or null
 */
record Team(String id, String name, String manager, List<String> members, String broadcastTopic)
        implements OnCallDocument {

    static final String DEFAULT = "default";
    static final String SNS_TOPIC_ARN = "arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}";

    Team withId(String newId) {
        return new Team(newId, name, manager, members, broadcastTopic);
    }

    /**
     * {@code {"id", "name", "manager", "members": [...], "broadcastTopic"}}; the manager and members must be
     * users, the topic an SNS topic ARN.
     */
    static Team read(JsonNode node, References refs, List<FieldViolation> violations) {
        Fields f = Fields.document(node, "a team", violations);
        Team team = new Team(f.id(), f.text("name", true, 200), f.reference("manager", false, null, refs),
                f.users("members", 0, 500, refs), f.text("broadcastTopic", false, 300));
        if (team.broadcastTopic() != null && !team.broadcastTopic().matches(SNS_TOPIC_ARN)) {
            violations.add(new FieldViolation(f.pointer("broadcastTopic"),
                    "must be an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:payments-oncall"));
        }
        return team;
    }

    ObjectNode write() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("name", name);
        json.put("manager", manager);
        members.forEach(json.putArray("members")::add);
        if (broadcastTopic != null) {
            json.put("broadcastTopic", broadcastTopic);
        }
        return json;
    }
}

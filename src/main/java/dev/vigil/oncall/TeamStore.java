package dev.vigil.oncall;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.node.JsonNodeFactory;

/** Teams. The default team stays: it is what services and policies without a team belong to. */
@Component
class TeamStore extends DocumentStore<Team> {

    TeamStore(DocumentRepository documents, LiveReferences references) {
        super(OnCallResource.TEAMS, documents, references, Team::read, Team::write, Team::withId);
    }

    /** The id of the team with this id or name, creating a team of that name (no manager) if none has it. */
    String ensure(String idOrName) {
        return find(idOrName).map(Team::id)
                .orElseGet(() -> create(JsonNodeFactory.instance.objectNode().put("name", idOrName)).id());
    }

    @Override
    List<String> deleteBlockers(Team team) {
        List<String> blockers = new ArrayList<>();
        if (Team.DEFAULT.equals(team.id())) {
            blockers.add("the default team is where services and policies without a team belong");
        }
        List<String> services = allOf(OnCallResource.SERVICES, ServiceEntry::read).stream()
                .filter(s -> team.id().equals(s.team())).map(ServiceEntry::id).toList();
        if (!services.isEmpty()) {
            blockers.add("services " + services + " belong to it");
        }
        List<String> policies = allOf(OnCallResource.ESCALATION_POLICIES, EscalationPolicy::read).stream()
                .filter(p -> team.id().equals(p.team())).map(EscalationPolicy::id).toList();
        if (!policies.isEmpty()) {
            blockers.add("escalation policies " + policies + " belong to it");
        }
        return blockers;
    }
}

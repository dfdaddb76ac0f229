package dev.vigil.oncall;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Escalation policies. The default policy stays: incidents of a service without a policy follow it. */
@Component
class PolicyStore extends DocumentStore<EscalationPolicy> {

    PolicyStore(DocumentRepository documents, LiveReferences references) {
        super(OnCallResource.ESCALATION_POLICIES, documents, references, EscalationPolicy::read, EscalationPolicy::write,
                EscalationPolicy::withId);
    }

    @Override
    List<String> deleteBlockers(EscalationPolicy policy) {
        List<String> blockers = new ArrayList<>();
        if (EscalationPolicy.DEFAULT.equals(policy.id())) {
            blockers.add("the default policy is what incidents without a known policy follow");
        }
        List<String> services = allOf(OnCallResource.SERVICES, ServiceEntry::read).stream()
                .filter(s -> policy.id().equals(s.escalationPolicy())).map(ServiceEntry::id).toList();
        if (!services.isEmpty()) {
            blockers.add("services " + services + " escalate by it");
        }
        return blockers;
    }
}

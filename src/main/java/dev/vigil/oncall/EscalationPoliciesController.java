package dev.vigil.oncall;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/escalation-policies}: {@code {"name", "repeat", "levels": [{"timeout", "targets": [...]}]}}. */
@RestController
@RequestMapping("/api/v1/escalation-policies")
@Tag(name = "Escalation policies")
class EscalationPoliciesController extends DocumentsController {

    EscalationPoliciesController(OnCallManagement oncall) {
        super(oncall, OnCallResource.ESCALATION_POLICIES);
    }
}

package dev.vigil.reporting;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/services/{service}/targets}: a service's targets, budgets and goals. Read by any
 * responder or {@code api:read}; replaced whole by a manager or {@code api:write}.
 */
@RestController
@RequestMapping("/api/v1/services/{service}/targets")
@Tag(name = "Targets")
class TargetsController {

    private final ReportingManagement reporting;

    TargetsController(ReportingManagement reporting) {
        this.reporting = reporting;
    }

    @GetMapping
    @Operation(summary = "The service's targets and goals; 404 if none are set")
    ServiceTargets get(@PathVariable String service) {
        return reporting.targets(service)
                .orElseThrow(() -> new NotFoundException("No targets are set for service " + service));
    }

    @PutMapping
    @Operation(summary = "Replace the service's targets and goals; 400 names every invalid field and nothing is stored")
    ServiceTargets put(@PathVariable String service, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        ServiceTargets proposed = TargetsJson.read(service, body, violations);
        if (proposed != null && !violations.isEmpty()) {
            // Report the value rules too, so one round trip names every bad field; not twice the same one.
            TargetRules.check(proposed).stream()
                    .filter(v -> violations.stream().noneMatch(seen -> seen.pointer().equals(v.pointer())))
                    .forEach(violations::add);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.size() + " invalid target field(s); nothing was stored",
                    violations);
        }
        return reporting.saveTargets(proposed);
    }
}

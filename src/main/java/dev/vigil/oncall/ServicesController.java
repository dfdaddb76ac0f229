package dev.vigil.oncall;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/services}: {@code {"name", "team", "escalationPolicy", "targets": {...}}}; the
 * {@code integrationKey} in replies is Vigil's, generated once and replaced only by a rotation.
 */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Services")
class ServicesController extends DocumentsController {

    private final OnCallManagement oncall;

    ServicesController(OnCallManagement oncall) {
        super(oncall, OnCallResource.SERVICES);
        this.oncall = oncall;
    }

    @PostMapping("/{id}/rotate-integration-key")
    @Operation(summary = "Give the service a new integration key (admins or api:write); the old key stops working at once")
    JsonNode rotateIntegrationKey(@PathVariable String id) {
        return oncall.rotateIntegrationKey(id);
    }
}

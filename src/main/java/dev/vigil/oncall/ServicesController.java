package dev.vigil.oncall;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/services}: {@code {"name", "team", "escalationPolicy", "targets": {...}}}; the
 * {@code integrationKey} in replies is Vigil's, generated once.
 */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Services")
class ServicesController extends DocumentsController {

    ServicesController(OnCallManagement oncall) {
        super(oncall, OnCallResource.SERVICES);
    }
}

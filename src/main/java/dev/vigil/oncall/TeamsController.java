package dev.vigil.oncall;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/teams}: {@code {"name", "manager", "members": [...]}}. */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamsController extends DocumentsController {

    TeamsController(OnCallManagement oncall) {
        super(oncall, OnCallResource.TEAMS);
    }
}

package dev.vigil.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/me}: tells the caller who it is. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Security")
class MeController {

    private final SecurityManagement security;

    MeController(SecurityManagement security) {
        this.security = security;
    }

    @GetMapping
    @Operation(summary = "Who the caller is: a user (roles) or an API token (scopes)")
    Caller me() {
        // The filter chain only lets authenticated callers reach this.
        return security.currentCaller().orElseThrow();
    }
}

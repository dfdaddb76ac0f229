package dev.vigil.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * The account side of {@code /api/v1/users/{username}}: roles, enabled, password (admins or
 * {@code api:write}). Listing and creating users, and contact methods, are the on-call module's
 * {@code UsersController}. 404 for an unknown user, 409 when the change would leave no enabled admin.
 */
@RestController
@RequestMapping("/api/v1/users/{username}")
@Tag(name = "Users")
class UserAccountsController {

    private final SecurityManagement security;

    UserAccountsController(SecurityManagement security) {
        this.security = security;
    }

    @PutMapping("/roles")
    @Operation(summary = "Replace a user's roles {roles: [RESPONDER|MANAGER|ADMIN]}; 409 if no enabled admin would remain")
    UserSummary changeRoles(@PathVariable String username, @RequestBody JsonNode body) {
        return security.changeRoles(username, roles(body));
    }

    @PostMapping("/disable")
    @Operation(summary = "Disable a user: they can no longer log in; 409 for the last enabled admin")
    UserSummary disable(@PathVariable String username) {
        return security.setEnabled(username, false);
    }

    @PostMapping("/enable")
    @Operation(summary = "Enable a disabled user again")
    UserSummary enable(@PathVariable String username) {
        return security.setEnabled(username, true);
    }

    @PutMapping("/password")
    @Operation(summary = "Set a new password {password} (at least 12 characters)")
    UserSummary resetPassword(@PathVariable String username, @RequestBody JsonNode body) {
        JsonNode password = body == null ? null : body.get("password");
        if (password == null || !password.isString()) {
            throw new InvalidRequestException("/password", "is required and must be a string");
        }
        return security.resetPassword(username, password.asString());
    }

    private static Set<Role> roles(JsonNode body) {
        JsonNode names = body == null ? null : body.get("roles");
        if (names == null || !names.isArray() || names.isEmpty()) {
            throw new InvalidRequestException("/roles", "must be a list naming at least one of RESPONDER, MANAGER, ADMIN");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<FieldViolation> violations = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                roles.add(Role.valueOf(names.get(i).asString("").toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("/roles/" + i, "must be RESPONDER, MANAGER or ADMIN"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The roles are invalid; nothing was changed", violations);
        }
        return roles;
    }
}

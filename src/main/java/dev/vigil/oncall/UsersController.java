package dev.vigil.oncall;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/users}: users with roles and contact methods (admins, or tokens with api:read /
 * api:write); everybody may read and set their own contact methods.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UsersController {

    private final OnCallManagement oncall;

    UsersController(OnCallManagement oncall) {
        this.oncall = oncall;
    }

    @GetMapping
    PageResponse<JsonNode> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 1000);
        return PageResponse.of(oncall.users(page, size), page, size, oncall.userCount());
    }

    @PostMapping
    @Operation(summary = "Create a user {username, displayName, password (12+ characters), roles, contactMethods}")
    ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
        JsonNode created = oncall.createUser(body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/users/" + created.get("username").asString()).body(created);
    }

    @GetMapping("/{username}")
    JsonNode get(@PathVariable String username) {
        return oncall.user(username);
    }

    @PutMapping("/{username}/contact-methods")
    @Operation(summary = "Replace a user's contact methods {contactMethods: [{type: SMS|WEBHOOK, address}]}")
    JsonNode setContactMethods(@PathVariable String username, @RequestBody JsonNode body) {
        return oncall.setContactMethods(username, body);
    }
}

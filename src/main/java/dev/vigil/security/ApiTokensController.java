package dev.vigil.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;
import dev.vigil.base.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/tokens} (admins only: a token cannot create or revoke tokens). The value of a new
 * token is in the 201 answer and never again; lists show names, scopes and use, never values or hashes.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class ApiTokensController {

    /** A token as the API shows it; {@code token} (the value) only in the answer to its creation. */
    record TokenView(long id, String name, List<String> scopes, String createdBy, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt, boolean active, String token) {

        static TokenView of(ApiToken t, String value) {
            return new TokenView(t.id(), t.name(), t.scopes().stream().map(Scope::value).sorted().toList(),
                    t.createdBy(), t.createdAt(), t.lastUsedAt(), t.revokedAt(), t.active(), value);
        }
    }

    private final SecurityManagement security;

    ApiTokensController(SecurityManagement security) {
        this.security = security;
    }

    @GetMapping
    @Operation(summary = "List tokens, newest first, without their values")
    PageResponse<TokenView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 1000);
        List<ApiToken> all = security.apiTokens();
        List<TokenView> content = all.stream().skip((long) page * size).limit(size).map(t -> TokenView.of(t, null))
                .toList();
        return PageResponse.of(content, page, size, all.size());
    }

    @PostMapping
    @Operation(summary = "Create a token {name, scopes: [metrics:write|events:write|api:read|api:write]}; "
            + "the answer holds its value, which is shown this once")
    ResponseEntity<TokenView> create(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("/", "must be an object {name, scopes}");
        }
        JsonNode name = body.get("name");
        JsonNode scopes = body.get("scopes");
        if (scopes != null && !scopes.isArray()) {
            throw new InvalidRequestException("/scopes", "must be a list of scope names");
        }
        List<String> scopeNames = new ArrayList<>();
        if (scopes != null) {
            scopes.forEach(s -> scopeNames.add(s.isString() ? s.asString() : s.toString()));
        }
        IssuedApiToken issued = security.createApiToken(name != null && name.isString() ? name.asString() : null,
                scopeNames);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/tokens/" + issued.token().id())
                .header("Cache-Control", "no-store").body(TokenView.of(issued.token(), issued.value()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token: requests that present it get 401 from now on")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No API token has the id " + id);
        }
        security.revokeApiToken(number);
        return ResponseEntity.noContent().build();
    }
}

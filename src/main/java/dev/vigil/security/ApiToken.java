package dev.vigil.security;

import java.time.Instant;
import java.util.Set;

/** An API token as stored: its SHA-256 hash, never the token itself. */
public record ApiToken(long id, String name, Set<Scope> scopes, String createdBy, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

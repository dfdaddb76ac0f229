package dev.vigil.security;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One row of the audit log: who did what to which thing, and the thing before and after (null where it
 * did not exist or the action has no state). Secrets are never part of it.
 *
 * @param actorType {@code user}, {@code token} or {@code system}
 * @param action what happened, {@code <thing>.<verb>} ({@code user.roles-changed}, {@code rule.updated})
 */
public record AuditEntry(long id, Instant at, String actor, String actorType, String action, String targetType,
        String targetId, JsonNode before, JsonNode after) {
}

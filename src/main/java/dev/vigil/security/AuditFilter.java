package dev.vigil.security;

import java.time.Instant;

/**
 * Which audit rows to list; a null field does not filter.
 *
 * @param actor the user's or token's name, exactly
 * @param action a prefix: {@code user.} finds every change of users, {@code rule.updated} just that
 * @param from inclusive
 * @param to exclusive
 */
public record AuditFilter(String actor, String action, String targetType, String targetId, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);
}

package dev.vigil.security;

import java.time.Instant;
import java.util.Set;

/** A person who logs in, as stored; the password only as its hash. Never leaves this module. */
record UserAccount(long id, String username, String displayName, String passwordHash, boolean enabled,
        Set<Role> roles, Instant createdAt) {
}

package dev.vigil.security;

import java.time.Instant;
import java.util.Set;

/** A user as other modules and screens may see it: no password hash. */
public record UserSummary(String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {

    static UserSummary of(UserAccount account) {
        return new UserSummary(account.username(), account.displayName(), account.roles(), account.enabled(),
                account.createdAt());
    }
}

package dev.vigil.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads the caller from the security context. Kept apart from {@link SecurityManagement} so that the
 * audit trail, which that service itself writes to, can ask too.
 */
final class CurrentCaller {

    private CurrentCaller() {
    }

    static Optional<Caller> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
            return Optional.empty();
        }
        if (auth instanceof ApiTokenAuthentication token) {
            return Optional.of(new Caller(token.getName(), "token", List.of(), token.scopeNames()));
        }
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList();
        return Optional.of(new Caller(auth.getName(), "user", roles, List.of()));
    }
}

package dev.vigil.security;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The security module's door: who is calling, and (for admins) the users and API tokens. */
@Service
public class SecurityManagement {

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;

    SecurityManagement(UserAccountRepository users, ApiTokenRepository tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** The authenticated caller of the current request or UI session, if any. */
    public Optional<Caller> currentCaller() {
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

    @RolesAllowed("ADMIN")
    public List<UserSummary> users() {
        return users.findAll().stream().map(UserSummary::of).toList();
    }

    @RolesAllowed("ADMIN")
    public List<ApiToken> apiTokens() {
        return tokens.findAll();
    }
}

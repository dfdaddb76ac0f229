package dev.vigil.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;

/**
 * The security module's door: who is calling, users' public faces for any module, and (for admins) the
 * users and API tokens.
 */
@Service
public class SecurityManagement {

    /** Long enough to resist guessing; people are nudged towards passphrases. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    SecurityManagement(UserAccountRepository users, ApiTokenRepository tokens, PasswordEncoder passwordEncoder,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
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

    /**
     * A user's name and roles (no secrets), for any module: resolving who is on call or whom to page
     * happens on scheduler threads without a caller.
     */
    public Optional<UserSummary> user(String username) {
        return users.findByUsername(username).map(UserSummary::of);
    }

    /** Every user's name and roles (no secrets), by username: for pickers and name resolution. */
    public List<UserSummary> userDirectory() {
        return users.findAll().stream().map(UserSummary::of).toList();
    }

    /**
     * What is wrong with a user about to be created, as pointers into
     * {@code {"username", "displayName", "password", "roles"}}; empty when it can be.
     */
    public List<FieldViolation> newUserViolations(String username, String displayName, String rawPassword,
            Set<Role> roles) {
        List<FieldViolation> violations = new ArrayList<>();
        if (username == null || username.isBlank()) {
            violations.add(new FieldViolation("/username", "is required"));
        } else if (!username.matches(USERNAME)) {
            violations.add(new FieldViolation("/username",
                    "must be at most 100 letters, digits and . _ @ -, starting with a letter or digit"));
        } else if (users.findByUsername(username).isPresent()) {
            violations.add(new FieldViolation("/username", "is already taken"));
        }
        if (displayName != null && displayName.length() > 200) {
            violations.add(new FieldViolation("/displayName", "must be at most 200 characters"));
        }
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            violations.add(new FieldViolation("/password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (rawPassword.length() > 200) {
            violations.add(new FieldViolation("/password", "must be at most 200 characters"));
        }
        if (roles == null || roles.isEmpty()) {
            violations.add(new FieldViolation("/roles", "must name at least one of RESPONDER, MANAGER, ADMIN"));
        }
        return violations;
    }

    /** Creates a user who can log in at once; a blank display name becomes the username. */
    @PreAuthorize("hasAnyAuthority('ROLE_ADMIN', 'SCOPE_api:write')")
    @Transactional
    public UserSummary createUser(String username, String displayName, String rawPassword, Set<Role> roles) {
        List<FieldViolation> violations = newUserViolations(username, displayName, rawPassword, roles);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The user is invalid; nothing was saved", violations);
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        try {
            return UserSummary.of(users.insert(username, name, passwordEncoder.encode(rawPassword), roles,
                    clock.instant()));
        } catch (DuplicateKeyException raceWithAnotherRequest) {
            throw new InvalidRequestException("/username", "is already taken");
        }
    }
}

package dev.vigil.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dev.vigil.base.FieldViolation;

/**
 * The security module's door: who is calling, users' public faces for any module, and (for admins) the
 * users and API tokens. Users may also be managed by scripts with {@code api:write}, as they are created;
 * API tokens only by admins, so that a leaked token cannot mint itself successors. Every change is audited.
 */
@Service
public class SecurityManagement {

    /** Long enough to resist guessing; people are nudged towards passphrases. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";

    static final String MANAGE_USERS = "hasAnyAuthority('ROLE_ADMIN', 'SCOPE_api:write')";

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final UserAdministration administration;
    private final ApiTokenService tokenService;

    SecurityManagement(UserAccountRepository users, ApiTokenRepository tokens, UserAdministration administration,
            ApiTokenService tokenService) {
        this.users = users;
        this.tokens = tokens;
        this.administration = administration;
        this.tokenService = tokenService;
    }

    /** The authenticated caller of the current request or UI session, if any. */
    public Optional<Caller> currentCaller() {
        return CurrentCaller.get();
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
        checkPassword(rawPassword, violations);
        if (roles == null || roles.isEmpty()) {
            violations.add(new FieldViolation("/roles", "must name at least one of RESPONDER, MANAGER, ADMIN"));
        }
        return violations;
    }

    /** Creates a user who can log in at once; a blank display name becomes the username. */
    @PreAuthorize(MANAGE_USERS)
    public UserSummary createUser(String username, String displayName, String rawPassword, Set<Role> roles) {
        return administration.create(username, displayName, rawPassword, roles,
                newUserViolations(username, displayName, rawPassword, roles));
    }

    /**
     * Replaces a user's roles; they apply from the next login. Refused (409) if it would leave no enabled
     * admin.
     */
    @PreAuthorize(MANAGE_USERS)
    public UserSummary changeRoles(String username, Set<Role> roles) {
        return administration.changeRoles(username, roles);
    }

    /**
     * Disables (cannot log in any more) or enables a user. Disabling the last enabled admin is refused
     * (409).
     */
    @PreAuthorize(MANAGE_USERS)
    public UserSummary setEnabled(String username, boolean enabled) {
        return administration.setEnabled(username, enabled);
    }

    /** Sets a new password (at least {@value #MIN_PASSWORD_LENGTH} characters), e.g. for a user who lost theirs. */
    @PreAuthorize(MANAGE_USERS)
    public UserSummary resetPassword(String username, String rawPassword) {
        return administration.resetPassword(username, rawPassword);
    }

    /**
     * Creates an API token with the named scopes ({@code metrics:write}, {@code events:write},
     * {@code api:read}, {@code api:write}); its value is in the answer only and is stored as a hash.
     */
    @RolesAllowed("ADMIN")
    public IssuedApiToken createApiToken(String name, List<String> scopeNames) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<FieldViolation> violations = new ArrayList<>();
        List<String> names = scopeNames == null ? List.of() : scopeNames;
        for (int i = 0; i < names.size(); i++) {
            Optional<Scope> scope = Scope.fromValue(names.get(i));
            scope.ifPresent(scopes::add);
            if (scope.isEmpty()) {
                violations.add(new FieldViolation("/scopes/" + i,
                        "must be metrics:write, events:write, api:read or api:write"));
            }
        }
        return tokenService.issue(name, scopes, violations, currentCaller().map(Caller::name).orElse("system"));
    }

    /** Revokes a token at once; revoking a revoked token changes nothing. */
    @RolesAllowed("ADMIN")
    public ApiToken revokeApiToken(long id) {
        return tokenService.revoke(id);
    }

    static void checkPassword(String rawPassword, List<FieldViolation> violations) {
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            violations.add(new FieldViolation("/password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (rawPassword.length() > 200) {
            violations.add(new FieldViolation("/password", "must be at most 200 characters"));
        }
    }
}

package dev.vigil.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.ConflictException;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;

/**
 * Creates users, changes their roles, disables, enables and sets passwords, each change audited in its
 * own transaction. Whatever happens, one enabled admin stays: otherwise nobody could manage users again
 * short of editing the database.
 */
@Component
class UserAdministration {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    UserSummary create(String username, String displayName, String rawPassword, Set<Role> roles,
            List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The user is invalid; nothing was saved", violations);
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        try {
            UserSummary created = UserSummary.of(users.insert(username, name, passwordEncoder.encode(rawPassword),
                    roles, clock.instant()));
            audit.record("user.created", "user", username, null, created);
            return created;
        } catch (DuplicateKeyException raceWithAnotherRequest) {
            throw new InvalidRequestException("/username", "is already taken");
        }
    }

    @Transactional
    UserSummary changeRoles(String username, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidRequestException("/roles", "must name at least one of RESPONDER, MANAGER, ADMIN");
        }
        return change(username, "user.roles-changed", account -> users.setRoles(account.id(), roles));
    }

    @Transactional
    UserSummary setEnabled(String username, boolean enabled) {
        return change(username, enabled ? "user.enabled" : "user.disabled",
                account -> users.setEnabled(account.id(), enabled));
    }

    @Transactional
    UserSummary resetPassword(String username, String rawPassword) {
        List<FieldViolation> violations = new ArrayList<>();
        SecurityManagement.checkPassword(rawPassword, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The password is invalid; nothing was changed", violations);
        }
        // The before and after differ only in the hash, which the log never holds: the action says it all.
        return change(username, "user.password-reset",
                account -> users.setPasswordHash(account.id(), passwordEncoder.encode(rawPassword)));
    }

    private UserSummary change(String username, String action, Consumer<UserAccount> change) {
        users.lockEnabledAdmins();
        UserAccount before = users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("No user is called " + username));
        change.accept(before);
        if (users.countEnabledAdmins() == 0) {
            // Thrown inside the transaction: the change rolls back with it.
            throw new ConflictException(username + " is the last enabled admin; make another user an admin first");
        }
        UserSummary after = UserSummary.of(users.findByUsername(username).orElseThrow());
        audit.record(action, "user", username, UserSummary.of(before), after);
        return after;
    }
}

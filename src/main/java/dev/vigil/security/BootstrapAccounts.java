package dev.vigil.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first admin when there are no users (generating and logging the password once if none
 * was configured) and registers the configured bootstrap API token. Safe when several nodes start
 * together: the unique constraints decide, the loser carries on.
 */
@Component
class BootstrapAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final SecurityProperties properties;
    private final UserAccountRepository users;
    private final ApiTokenService tokens;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;

    BootstrapAccounts(SecurityProperties properties, UserAccountRepository users, ApiTokenService tokens,
            PasswordEncoder passwordEncoder, TransactionTemplate transaction, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        createAdminIfNoUsers();
        registerBootstrapToken();
    }

    private void createAdminIfNoUsers() {
        String username = properties.bootstrapAdmin().username();
        String configured = properties.bootstrapAdmin().password();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        try {
            boolean created = Boolean.TRUE.equals(transaction.execute(status -> {
                if (users.count() > 0) {
                    return false;
                }
                UserAccount admin = users.insert(username, "Administrator", passwordEncoder.encode(password),
                        EnumSet.of(Role.ADMIN), clock.instant());
                audit.record("user.created", "user", username, null, UserSummary.of(admin));
                return true;
            }));
            if (created && generated) {
                log.warn("""

                        ============================================================
                          Vigil bootstrap admin created
                            user:     {}
                            password: {}
                          This password is printed only this once. Log in and keep it
                          safe, or set vigil.security.bootstrap-admin.password.
                        ============================================================""", username, password);
            } else if (created) {
                log.info("Vigil bootstrap admin '{}' created with the configured password", username);
            }
        } catch (DuplicateKeyException raceLostToAnotherNode) {
            log.info("Bootstrap admin was created by another node");
        }
    }

    private void registerBootstrapToken() {
        String token = properties.bootstrapApiToken();
        if (token == null || token.isBlank()) {
            return;
        }
        try {
            if (tokens.register("bootstrap-" + ApiTokenService.hash(token).substring(0, 8), token,
                    Set.of(Scope.values()), "bootstrap")) {
                log.info("Bootstrap API token registered with all scopes");
            }
        } catch (DuplicateKeyException raceLostToAnotherNode) {
            log.info("Bootstrap API token was registered by another node");
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}

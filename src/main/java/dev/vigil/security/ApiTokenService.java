package dev.vigil.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;

/** Issues API tokens (shown once, stored hashed) and recognises presented ones. */
@Service
class ApiTokenService {

    /** Writing last-used on every request would turn each API read into a write. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks and creates a token for a person or script; the value is in the answer and nowhere else. */
    @Transactional
    IssuedApiToken issue(String name, Set<Scope> scopes, List<FieldViolation> scopeViolations, String createdBy) {
        List<FieldViolation> violations = new ArrayList<>(scopeViolations);
        if (name == null || name.isBlank()) {
            violations.add(new FieldViolation("/name", "is required"));
        } else if (name.strip().length() > 100) {
            violations.add(new FieldViolation("/name", "must be at most 100 characters"));
        } else if (tokens.findByName(name.strip()).isPresent()) {
            violations.add(new FieldViolation("/name", "is already the name of another token"));
        }
        if (scopeViolations.isEmpty() && (scopes == null || scopes.isEmpty())) {
            violations.add(new FieldViolation("/scopes", "must name at least one of metrics:write, events:write, "
                    + "api:read, api:write"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The token is invalid; nothing was created", violations);
        }
        try {
            String value = create(name.strip(), scopes, createdBy);
            ApiToken token = tokens.findByName(name.strip()).orElseThrow();
            audit.record("token.created", "token", String.valueOf(token.id()), null, token);
            return new IssuedApiToken(token, value);
        } catch (DuplicateKeyException raceWithAnotherRequest) {
            throw new InvalidRequestException("/name", "is already the name of another token");
        }
    }

    /** Revokes a token at once: the next request that presents it gets 401. Revoking twice changes nothing. */
    @Transactional
    ApiToken revoke(long id) {
        ApiToken before = tokens.find(id).orElseThrow(() -> new NotFoundException("No API token has the id " + id));
        if (tokens.revoke(id, clock.instant())) {
            ApiToken after = tokens.find(id).orElseThrow();
            audit.record("token.revoked", "token", String.valueOf(id), before, after);
            return after;
        }
        return before;
    }

    /** Creates a token and returns its secret value, which is not stored and cannot be shown again. */
    @Transactional
    String create(String name, Set<Scope> scopes, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "vgl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.insert(name, hash(token), scopes, createdBy, clock.instant());
        return token;
    }

    /** Registers a token whose value was chosen elsewhere (the bootstrap token); false if it exists. */
    @Transactional
    boolean register(String name, String token, Set<Scope> scopes, String createdBy) {
        String hash = hash(token);
        if (tokens.existsByHash(hash)) {
            return false;
        }
        tokens.insert(name, hash, scopes, createdBy, clock.instant());
        return true;
    }

    /**
     * Runs on every API request, so without a transaction: one read in autocommit, and at most once a
     * minute an UPDATE of its own. The two need not be atomic (a revocation between them leaves only a
     * last-used time on a revoked token), and a transaction would cost a COMMIT round trip per request.
     */
    Optional<ApiToken> authenticate(String presented) {
        Optional<ApiToken> token = tokens.findActiveByHash(hash(presented));
        token.filter(t -> t.lastUsedAt() == null
                        || t.lastUsedAt().isBefore(clock.instant().minus(LAST_USED_RESOLUTION)))
                .ifPresent(t -> tokens.touch(t.id(), clock.instant()));
        return token;
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package dev.vigil.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues API tokens (shown once, stored hashed) and recognises presented ones. */
@Service
class ApiTokenService {

    /** Writing last-used on every request would turn each API read into a write. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
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

    @Transactional
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

package dev.vigil.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.vigil.notification.AcknowledgeLinkRedemption.Status;

/**
 * The one-tap acknowledge links of SMS. A token is 32 URL-safe characters: a random link id (16) and a
 * truncated HMAC-SHA256 of that id (16). A token whose signature does not match is refused before any
 * lookup; the link's row then makes it expiring and single-use, whichever node answers.
 */
@Component
class AcknowledgeLinks {

    static final String SECRET_NAME = "acknowledge-link";
    private static final int ID_BYTES = 12;
    private static final int SIGNATURE_BYTES = 12;
    private static final int ID_CHARS = 16;
    private static final int TOKEN_CHARS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final SharedSecrets secrets;
    private final NotificationProperties properties;
    private final Clock clock;

    AcknowledgeLinks(JdbcClient jdbc, SharedSecrets secrets, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new link for {@code username} to acknowledge {@code incidentId}; returns its token. */
    String create(String incidentId, String username) {
        byte[] raw = new byte[ID_BYTES];
        RANDOM.nextBytes(raw);
        String id = ENCODER.encodeToString(raw);
        long now = clock.millis();
        jdbc.sql("INSERT INTO acknowledge_link (id, incident_id, username, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, incidentId, username, now, now + properties.acknowledgeLinkTtl().toMillis())
                .update();
        return id + signature(id);
    }

    /** Uses the link up if it is genuine, unexpired and unused; joins the caller's transaction. */
    AcknowledgeLinkRedemption redeem(String token) {
        if (token == null || token.length() != TOKEN_CHARS || !token.matches("[A-Za-z0-9_-]+")) {
            return AcknowledgeLinkRedemption.refused(Status.INVALID);
        }
        String id = token.substring(0, ID_CHARS);
        byte[] given = token.substring(ID_CHARS).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, signature(id).getBytes(StandardCharsets.US_ASCII))) {
            return AcknowledgeLinkRedemption.refused(Status.INVALID);
        }
        record Link(String incidentId, String username, long expiresAt, Long usedAt) {
        }
        var link = jdbc.sql("SELECT incident_id, username, expires_at, used_at FROM acknowledge_link WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4) == null ? null : rs.getLong(4)))
                .optional();
        if (link.isEmpty()) {
            return AcknowledgeLinkRedemption.refused(Status.INVALID);
        }
        Link found = link.get();
        long now = clock.millis();
        if (found.usedAt() != null) {
            return new AcknowledgeLinkRedemption(Status.USED, found.incidentId(), found.username(),
                    Instant.ofEpochMilli(found.usedAt()));
        }
        if (now >= found.expiresAt()) {
            return new AcknowledgeLinkRedemption(Status.EXPIRED, found.incidentId(), found.username(), null);
        }
        int taken = jdbc.sql("UPDATE acknowledge_link SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(now, id).update();
        return new AcknowledgeLinkRedemption(taken == 1 ? Status.VALID : Status.USED, found.incidentId(),
                found.username(), taken == 1 ? null : Instant.ofEpochMilli(now));
    }

    private String signature(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret(SECRET_NAME, properties.linkSecret())
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            return ENCODER.encodeToString(Arrays.copyOf(full, SIGNATURE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

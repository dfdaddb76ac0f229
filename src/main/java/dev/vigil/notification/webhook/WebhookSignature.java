package dev.vigil.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature receivers check: HMAC-SHA256 over {@code "<timestamp>.<body>"} with the shared signing
 * secret, hex-encoded. The timestamp is signed too, so a receiver can refuse replays of old deliveries.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Vigil-Signature";

    private WebhookSignature() {
    }

    /** {@code t=1764236400,v1=5257a8…} */
    public static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

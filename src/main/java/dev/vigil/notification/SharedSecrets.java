package dev.vigil.notification;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys every node must share (signing acknowledge links and webhooks). A configured value wins;
 * otherwise the first node to need one generates it and stores it, and every node reads that one.
 */
@Component
class SharedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationProperties properties;
    private final TransactionTemplate ownTransaction;
    private final ConcurrentMap<String, String> cache = new ConcurrentHashMap<>();

    SharedSecrets(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
            NotificationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        // Its own transaction: a losing insert of a concurrent first start must not spoil the caller's.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Reads (or makes) the generated secrets at start-up: making one inside a business transaction would need
     * a second pooled connection while the first holds locks, which under load can exhaust the pool.
     */
    @EventListener(ApplicationStartedEvent.class)
    void warmUp() {
        secret(AcknowledgeLinks.SECRET_NAME, properties.linkSecret());
        secret(Channels.WEBHOOK_SECRET, properties.webhook().signingSecret());
    }

    String secret(String name, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return cache.computeIfAbsent(name, n -> ownTransaction.execute(tx -> storedOrGenerated(n)));
    }

    private String storedOrGenerated(String name) {
        return stored(name).orElseGet(() -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
            try {
                jdbc.sql("INSERT INTO notification_secret (name, secret, created_at) VALUES (?, ?, ?)")
                        .params(name, secret, clock.millis()).update();
                return secret;
            } catch (DuplicateKeyException another) {
                return stored(name).orElseThrow();
            }
        });
    }

    private java.util.Optional<String> stored(String name) {
        return jdbc.sql("SELECT secret FROM notification_secret WHERE name = ?").param(name).query(String.class).optional();
    }
}

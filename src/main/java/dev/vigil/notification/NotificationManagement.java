package dev.vigil.notification;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's door. Every request becomes an outbox row in the caller's transaction,
 * so a notification exists exactly when the incident change that caused it does. No channel is
 * configured yet (the notifications issue brings SNS and webhooks), so messages go to the clearly
 * labelled log channel: written to the application log and marked sent.
 */
@Service
public class NotificationManagement {

    static final String LOG_CHANNEL = "LOG";
    private static final Logger log = LoggerFactory.getLogger("vigil.notifications");

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationManagement(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues the message for its recipient; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long request(NotificationRequest request) {
        long now = clock.millis();
        String address = request.addresses().stream().map(a -> a.type() + " " + a.address()).findFirst()
                .orElse("no contact method");
        log.info("[log channel] to {} ({}): {}", request.username(), address, request.shortText());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notification (incident_id, recipient, channel, address, kind, message, status, attempts, "
                        + "created_at, next_attempt_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, 'SENT', 1, ?, ?, ?)")
                .params(request.incidentId(), request.username(), LOG_CHANNEL, address, request.kind(),
                        request.shortText(), now, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The notifications of an incident, oldest first. */
    public List<Notification> ofIncident(String incidentId) {
        return jdbc.sql("SELECT id, incident_id, recipient, channel, address, kind, message, status, attempts, "
                        + "created_at, sent_at, provider_message_id, last_error FROM notification "
                        + "WHERE incident_id = ? ORDER BY id")
                .param(incidentId)
                .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                        java.time.Instant.ofEpochMilli(rs.getLong(10)),
                        rs.getObject(11) == null ? null : java.time.Instant.ofEpochMilli(rs.getLong(11)),
                        rs.getString(12), rs.getString(13)))
                .list();
    }
}

package dev.vigil.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Sending is guarded by a lease: a node claims due rows under a claim token, and every
 * result is written only while that token still owns the row, so a node whose lease ran out (it stalled
 * and another node took over) cannot overwrite what the other node recorded.
 */
@Repository
class OutboxRepository {

    private static final String COLUMNS = "id, incident_id, recipient, channel, address, kind, message, status, "
            + "attempts, created_at, sent_at, provider_message_id, last_error, next_attempt_at, fallback_of";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row to queue; {@code fallback} are the contact methods after this one. */
    record NewRow(String incidentId, String recipient, String channel, String address, String kind, String subject,
            String text, String longText, List<NotificationRequest.Address> fallback, Long fallbackOf) {
    }

    long insert(NewRow row, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notification (incident_id, recipient, channel, address, kind, subject, message, "
                        + "long_message, fallback, fallback_of, status, attempts, created_at, next_attempt_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .params(row.incidentId(), row.recipient(), row.channel(), row.address(), row.kind(),
                        clip(row.subject(), 200), clip(row.text(), 4000), clip(row.longText(), 8000),
                        row.fallback().isEmpty() ? null
                                : String.join("\n", row.fallback().stream().map(NotificationRequest.Address::line).toList()),
                        row.fallbackOf(), now, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Leases up to {@code limit} due rows to {@code claim} and returns them. Two nodes asking at once
     * each get distinct rows: the conditional update lets only one of them take a row.
     */
    List<Message> claim(String claim, long now, long leaseUntil, int limit) {
        List<Long> due = jdbc.sql("SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ? "
                        + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id LIMIT ?")
                .params(now, now, limit)
                .query(Long.class)
                .list();
        if (due.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE notification SET lease_owner = :claim, lease_until = :until WHERE id IN (:ids) "
                        + "AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < :now)")
                .param("claim", claim).param("until", leaseUntil).param("ids", due).param("now", now)
                .update();
        return jdbc.sql("SELECT id, incident_id, recipient, channel, address, kind, subject, message, long_message, "
                        + "attempts, fallback, created_at FROM notification WHERE id IN (:ids) AND lease_owner = :claim ORDER BY id")
                .param("ids", due).param("claim", claim)
                .query(OutboxRepository::message)
                .list();
    }

    boolean markSent(long id, String claim, long now, String providerMessageId) {
        return jdbc.sql("UPDATE notification SET status = 'SENT', attempts = attempts + 1, sent_at = ?, "
                        + "provider_message_id = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                        + "WHERE id = ? AND lease_owner = ?")
                .params(now, clip(providerMessageId, 200), now, id, claim)
                .update() == 1;
    }

    /** Schedules another attempt; a throttled send does not count as an attempt (it was not the message's fault). */
    boolean markRetry(long id, String claim, long now, long nextAttemptAt, String error, boolean countsAsAttempt) {
        return jdbc.sql("UPDATE notification SET attempts = attempts + ?, next_attempt_at = ?, last_error = ?, "
                        + "lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?")
                .params(countsAsAttempt ? 1 : 0, nextAttemptAt, clip(error, 2000), now, id, claim)
                .update() == 1;
    }

    boolean markFailed(long id, String claim, long now, String error) {
        return jdbc.sql("UPDATE notification SET status = 'FAILED', attempts = attempts + 1, last_error = ?, "
                        + "lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?")
                .params(clip(error, 2000), now, id, claim)
                .update() == 1;
    }

    /** Gives back rows claimed but not sent (a node stopping cleanly), so any node may send them at once. */
    int release(List<Long> ids, String claim) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE notification SET lease_owner = NULL, lease_until = NULL WHERE id IN (:ids) "
                        + "AND lease_owner = :claim AND status = 'PENDING'")
                .param("ids", ids).param("claim", claim)
                .update();
    }

    /** Puts a failed row back in the queue for a fresh set of attempts. */
    boolean retry(long id, long now) {
        return jdbc.sql("UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                        + "lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'FAILED'")
                .params(now, now, id)
                .update() == 1;
    }

    /**
     * Makes a channel's rows that wait for their next attempt due now: the provider is back, and a backoff
     * grown during its outage should not hold them back any longer.
     */
    int bringForward(String channel, long now) {
        return jdbc.sql("UPDATE notification SET next_attempt_at = ? WHERE channel = ? AND status = 'PENDING' "
                        + "AND next_attempt_at > ? AND lease_until IS NULL")
                .params(now, channel, now)
                .update();
    }

    /** The queue: how many rows wait to be sent, and since when the oldest of them. */
    record Backlog(long pending, Long oldestCreatedAt) {
    }

    Backlog backlog() {
        return jdbc.sql("SELECT COUNT(*), MIN(created_at) FROM notification WHERE status = 'PENDING'")
                .query((rs, n) -> new Backlog(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2)))
                .single();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = ?").param(id)
                .query(OutboxRepository::notification).optional();
    }

    List<Notification> ofIncident(String incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE incident_id = ? ORDER BY id")
                .param(incidentId)
                .query(OutboxRepository::notification)
                .list();
    }

    /** Newest first. */
    List<Notification> page(NotificationFilter filter, int offset, int limit) {
        Where where = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification" + where.sql + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(concat(where.params, limit, offset))
                .query(OutboxRepository::notification)
                .list();
    }

    long count(NotificationFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM notification" + where.sql).params(where.params).query(Long.class).single();
    }

    long countByStatus(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE status = ?").param(status).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(NotificationFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status());
        }
        if (filter.channel() != null) {
            conditions.add("channel = ?");
            params.add(filter.channel());
        }
        if (filter.incidentId() != null) {
            conditions.add("incident_id = ?");
            params.add(filter.incidentId());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static List<Object> concat(List<Object> head, Object... tail) {
        List<Object> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        String fallback = rs.getString(11);
        return new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                fallback == null ? List.of()
                        : fallback.lines().map(NotificationRequest.Address::ofLine).toList(),
                Instant.ofEpochMilli(rs.getLong(12)));
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), Instant.ofEpochMilli(rs.getLong(10)),
                rs.getObject(11) == null ? null : Instant.ofEpochMilli(rs.getLong(11)), rs.getString(12),
                rs.getString(13), Instant.ofEpochMilli(rs.getLong(14)),
                rs.getObject(15) == null ? null : rs.getLong(15));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

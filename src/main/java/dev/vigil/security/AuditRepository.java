package dev.vigil.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit log in {@code audit_log}, newest first. */
@Repository
class AuditRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, String actor, String actorType, String action, String targetType, String targetId,
            String beforeJson, String afterJson) {
        jdbc.sql("INSERT INTO audit_log (at, actor, actor_type, action, target_type, target_id, before_json, after_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, actorType, action, targetType, targetId,
                        beforeJson, afterJson)
                .update();
    }

    List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(offset);
        params.add(limit);
        return jdbc.sql("SELECT id, at, actor, actor_type, action, target_type, target_id, before_json, after_json "
                        + "FROM audit_log" + where.sql() + " ORDER BY at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(params).query(AuditRepository::map).list();
    }

    /** Oldest first, after row {@code afterId}: an export reads the log in chunks without OFFSET scans. */
    List<AuditEntry> chronological(AuditFilter filter, long afterId, int limit) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(afterId);
        params.add(limit);
        return jdbc.sql("SELECT id, at, actor, actor_type, action, target_type, target_id, before_json, after_json "
                        + "FROM audit_log" + where.sql() + (where.params().isEmpty() ? " WHERE" : " AND")
                        + " id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(params).query(AuditRepository::map).list();
    }

    long count(AuditFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM audit_log" + where.sql()).params(where.params()).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null) {
            conditions.add("actor = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            conditions.add("action LIKE ? ESCAPE '!'");
            params.add(filter.action().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.targetType() != null) {
            conditions.add("target_type = ?");
            params.add(filter.targetType());
        }
        if (filter.targetId() != null) {
            conditions.add("target_id = ?");
            params.add(filter.targetId());
        }
        if (filter.from() != null) {
            conditions.add("at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("at < ?");
            params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("actor_type"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), json(rs.getString("before_json")), json(rs.getString("after_json")));
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }
}

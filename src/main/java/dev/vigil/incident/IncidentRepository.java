package dev.vigil.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.vigil.alerting.Severity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents in their table. State changes are conditional updates ({@code WHERE status = ...}), so two
 * nodes acting on one incident at once cannot both win.
 */
@Repository
class IncidentRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "incident_number, title, service, severity, status, dedup_key, source, "
            + "alert_count, escalation_level, escalation_policy, assignee, triggered_at, acknowledged_at, resolved_at, "
            + "closed_at, rule_id, runbook_url, silenced_by, details";

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens an incident; throws DuplicateKeyException when one is already open for the dedup key. */
    long insert(TriggerRequest r, String escalationPolicy, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incident (title, service, severity, status, dedup_key, open_key, source, alert_count, "
                        + "escalation_policy, escalation_level, rule_id, runbook_url, silenced_by, details, triggered_at) "
                        + "VALUES (?, ?, ?, 'TRIGGERED', ?, ?, ?, 1, ?, 0, ?, ?, ?, ?, ?)")
                .params(truncate(r.title(), 500), r.service(), r.severity().name(), r.dedupKey(), r.dedupKey(),
                        r.source().name(), escalationPolicy, r.ruleId(), r.runbookUrl(), r.silencedBy(),
                        JSON.writeValueAsString(new TreeMap<>(r.details())), at.toEpochMilli())
                .update(keys, "incident_number");
        return keys.getKey().longValue();
    }

    /** Counts a re-trigger against the open incident of the key; the number of that incident, if any. */
    Optional<Long> joinOpen(String dedupKey) {
        int updated = jdbc.sql("UPDATE incident SET alert_count = alert_count + 1 WHERE open_key = ?")
                .param(dedupKey).update();
        return updated == 0 ? Optional.empty()
                : jdbc.sql("SELECT incident_number FROM incident WHERE open_key = ?").param(dedupKey)
                        .query(Long.class).optional();
    }

    Optional<Incident> findOpen(String dedupKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE open_key = ?").param(dedupKey)
                .query((rs, n) -> read(rs)).optional();
    }

    Optional<Incident> find(long number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE incident_number = ?").param(number)
                .query((rs, n) -> read(rs)).optional();
    }

    Optional<String> processInstance(long number) {
        return jdbc.sql("SELECT process_instance_id FROM incident WHERE incident_number = ?").param(number)
                .query(String.class).optional();
    }

    void setProcessInstance(long number, String processInstanceId) {
        jdbc.sql("UPDATE incident SET process_instance_id = ? WHERE incident_number = ?")
                .params(processInstanceId, number).update();
    }

    boolean acknowledge(long number, String by, Instant at) {
        return jdbc.sql("UPDATE incident SET status = 'ACKNOWLEDGED', acknowledged_at = ?, assignee = ? "
                        + "WHERE incident_number = ? AND status = 'TRIGGERED'")
                .params(at.toEpochMilli(), by, number).update() == 1;
    }

    boolean resolve(long number, Instant at) {
        return jdbc.sql("UPDATE incident SET status = 'RESOLVED', resolved_at = ?, open_key = NULL "
                        + "WHERE incident_number = ? AND status IN ('TRIGGERED', 'ACKNOWLEDGED')")
                .params(at.toEpochMilli(), number).update() == 1;
    }

    boolean close(long number, Instant at) {
        return jdbc.sql("UPDATE incident SET status = 'CLOSED', closed_at = ? WHERE incident_number = ? AND status = 'RESOLVED'")
                .params(at.toEpochMilli(), number).update() == 1;
    }

    void setEscalationLevel(long number, int level) {
        jdbc.sql("UPDATE incident SET escalation_level = ? WHERE incident_number = ?").params(level, number).update();
    }

    /** Newest first, optionally filtered by status and service. */
    List<Incident> page(IncidentFilter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(offset);
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident" + where
                        + " ORDER BY incident_number DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(params).query((rs, n) -> read(rs)).list();
    }

    long count(IncidentFilter filter) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT COUNT(*) FROM incident" + where(filter, params)).params(params).query(Long.class)
                .single();
    }

    private static String where(IncidentFilter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            conditions.add("status IN (" + String.join(",", java.util.Collections.nCopies(filter.statuses().size(), "?"))
                    + ")");
            filter.statuses().forEach(s -> params.add(s.name()));
        }
        if (filter.service() != null) {
            conditions.add("service = ?");
            params.add(filter.service());
        }
        if (filter.triggeredFrom() != null) {
            conditions.add("triggered_at >= ?");
            params.add(filter.triggeredFrom().toEpochMilli());
        }
        if (filter.triggeredTo() != null) {
            conditions.add("triggered_at < ?");
            params.add(filter.triggeredTo().toEpochMilli());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Incident read(ResultSet rs) throws SQLException {
        return new Incident(Incident.id(rs.getLong(1)), rs.getString(2), rs.getString(3),
                Severity.valueOf(rs.getString(4)), IncidentStatus.valueOf(rs.getString(5)), rs.getString(6),
                IncidentSource.valueOf(rs.getString(7)), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11),
                instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15), rs.getString(16), rs.getString(17),
                rs.getString(18), JSON.readValue(rs.getString(19), new TypeReference<Map<String, String>>() {
                }));
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        long millis = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

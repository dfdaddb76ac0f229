package dev.vigil.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;


/** The state of every alert instance, read and written in bulk by the evaluation cycle. */
@Repository
class InstanceRepository {

    private static final String COLUMNS = "i.rule_id, i.labels, i.state, i.since, i.pending_since, i.breach_bits, "
            + "i.observed, i.last_value, i.last_evaluated_at, i.silenced_by";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    InstanceRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Instances of the enabled rules evaluated every {@code interval}: rule id → label key → instance. */
    Map<String, Map<String, AlertInstance>> ofRulesEvery(Duration interval) {
        Map<String, Map<String, AlertInstance>> byRule = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM alert_instance i JOIN alert_rule r ON r.id = i.rule_id "
                        + "WHERE r.evaluate_every_ms = ? AND r.enabled = TRUE")
                .param(interval.toMillis())
                .query((rs, n) -> read(rs)).list()
                .forEach(i -> byRule.computeIfAbsent(i.ruleId(), k -> new HashMap<>()).put(i.key(), i));
        return byRule;
    }

    List<AlertInstance> ofRule(String ruleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_instance i WHERE i.rule_id = ? ORDER BY i.label_key")
                .param(ruleId).query((rs, n) -> read(rs)).list();
    }

    List<AlertInstance> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_instance i").query((rs, n) -> read(rs)).list();
    }

    void insert(Collection<AlertInstance> instances) {
        jdbcTemplate.batchUpdate("INSERT INTO alert_instance (state, since, pending_since, breach_bits, observed, "
                        + "last_value, last_evaluated_at, silenced_by, rule_id, label_key, labels) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new ArrayList<>(instances), 1000, (ps, i) -> {
                    bindState(ps, i);
                    ps.setString(11, LabelSets.json(i.labels()));
                });
    }

    void update(Collection<AlertInstance> instances) {
        jdbcTemplate.batchUpdate("UPDATE alert_instance SET state = ?, since = ?, pending_since = ?, breach_bits = ?, "
                        + "observed = ?, last_value = ?, last_evaluated_at = ?, silenced_by = ? "
                        + "WHERE rule_id = ? AND label_key = ?",
                new ArrayList<>(instances), 1000, this::bindState);
    }

    private void bindState(java.sql.PreparedStatement ps, AlertInstance i) throws SQLException {
        ps.setString(1, i.state().name());
        ps.setLong(2, i.since().toEpochMilli());
        setMillis(ps, 3, i.pendingSince());
        ps.setLong(4, i.breachBits());
        ps.setInt(5, i.observed());
        if (Double.isNaN(i.lastValue())) {
            ps.setNull(6, Types.DOUBLE);
        } else {
            ps.setDouble(6, i.lastValue());
        }
        setMillis(ps, 7, i.lastEvaluatedAt());
        ps.setString(8, i.silencedBy());
        ps.setString(9, i.ruleId());
        ps.setString(10, i.key());
    }

    private static void setMillis(java.sql.PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, at.toEpochMilli());
        }
    }

    private static AlertInstance read(ResultSet rs) throws SQLException {
        double last = rs.getDouble(8);
        return new AlertInstance(rs.getString(1), LabelSets.parseJson(rs.getString(2)),
                AlertState.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5),
                rs.getLong(6), rs.getInt(7), rs.wasNull() ? Double.NaN : last, instant(rs, 9), rs.getString(10));
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        long millis = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}

package dev.vigil.alerting;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alert history: every state transition, appended by the evaluation cycle. */
@Repository
class TransitionRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    TransitionRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    void append(Collection<AlertTransition> transitions) {
        jdbcTemplate.batchUpdate("INSERT INTO alert_transition (rule_id, label_key, labels, from_state, to_state, "
                        + "observed_value, at, reason, silenced_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new ArrayList<>(transitions), 1000, (ps, t) -> {
                    ps.setString(1, t.ruleId());
                    ps.setString(2, LabelSets.canonical(t.labels()));
                    ps.setString(3, LabelSets.json(t.labels()));
                    ps.setString(4, t.from().name());
                    ps.setString(5, t.to().name());
                    if (t.value() == null) {
                        ps.setNull(6, Types.DOUBLE);
                    } else {
                        ps.setDouble(6, t.value());
                    }
                    ps.setLong(7, t.at().toEpochMilli());
                    ps.setString(8, t.reason().length() > 1000 ? t.reason().substring(0, 1000) : t.reason());
                    ps.setString(9, t.silencedBy());
                });
    }

    /** Newest first. */
    List<AlertTransition> ofRule(String ruleId, int offset, int limit) {
        return jdbc.sql("SELECT id, rule_id, labels, from_state, to_state, observed_value, at, reason, silenced_by "
                        + "FROM alert_transition WHERE rule_id = ? ORDER BY at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(ruleId, offset, limit)
                .query((rs, n) -> {
                    double value = rs.getDouble(6);
                    Double boxed = rs.wasNull() ? null : value;
                    return new AlertTransition(rs.getLong(1), rs.getString(2), LabelSets.parseJson(rs.getString(3)),
                            AlertState.valueOf(rs.getString(4)), AlertState.valueOf(rs.getString(5)), boxed,
                            Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), rs.getString(9));
                })
                .list();
    }

    long countOfRule(String ruleId) {
        return jdbc.sql("SELECT COUNT(*) FROM alert_transition WHERE rule_id = ?").param(ruleId).query(Long.class)
                .single();
    }
}

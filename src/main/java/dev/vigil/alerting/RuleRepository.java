package dev.vigil.alerting;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rules as stored JSON documents. Parsed rules are cached by (id, updated_at): an evaluation cycle
 * re-reads only the small columns and parses just the rules that changed, on whichever node runs it.
 */
@Repository
class RuleRepository {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    RuleRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Parsed(long updatedAt, AlertRule rule) {
    }

    private record Row(String id, long updatedAt, String definition) {
    }

    List<AlertRule> all() {
        return rows("SELECT id, updated_at, definition FROM alert_rule ORDER BY name", List.of());
    }

    List<AlertRule> page(int offset, int limit) {
        return rows("SELECT id, updated_at, definition FROM alert_rule ORDER BY name OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                List.of(offset, limit));
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM alert_rule").query(Long.class).single();
    }

    List<AlertRule> enabledEvery(Duration interval) {
        return rows("SELECT id, updated_at, definition FROM alert_rule WHERE evaluate_every_ms = ? AND enabled = TRUE",
                List.of(interval.toMillis()));
    }

    /** The distinct intervals of enabled rules: one Quartz job each. */
    List<Duration> enabledIntervals() {
        return jdbc.sql("SELECT DISTINCT evaluate_every_ms FROM alert_rule WHERE enabled = TRUE")
                .query(Long.class).list().stream().map(Duration::ofMillis).toList();
    }

    Optional<AlertRule> find(String id) {
        return rows("SELECT id, updated_at, definition FROM alert_rule WHERE id = ?", List.of(id)).stream().findFirst();
    }

    Optional<String> idOfName(String name) {
        return jdbc.sql("SELECT id FROM alert_rule WHERE name = ?").param(name).query(String.class).optional();
    }

    void insert(AlertRule rule) {
        long now = clock.millis();
        jdbc.sql("INSERT INTO alert_rule (id, name, definition, enabled, evaluate_every_ms, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(rule.id(), rule.name(), RuleJson.write(rule), rule.enabled(), rule.evaluateEvery().toMillis(),
                        now, now)
                .update();
    }

    /** @return false when no rule has the id */
    boolean update(AlertRule rule) {
        long now = Math.max(clock.millis(), updatedAt(rule.id()) + 1);
        return jdbc.sql("UPDATE alert_rule SET name = ?, definition = ?, enabled = ?, evaluate_every_ms = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(rule.name(), RuleJson.write(rule), rule.enabled(), rule.evaluateEvery().toMillis(), now,
                        rule.id())
                .update() == 1;
    }

    boolean delete(String id) {
        parsed.remove(id);
        return jdbc.sql("DELETE FROM alert_rule WHERE id = ?").param(id).update() == 1;
    }

    private long updatedAt(String id) {
        return jdbc.sql("SELECT updated_at FROM alert_rule WHERE id = ?").param(id).query(Long.class).optional()
                .orElse(0L);
    }

    /**
     * Runs a query for (id, updated_at) and returns the rules in its order, parsing only those whose
     * cached copy is missing or older. {@code sql} selects id, updated_at and a placeholder third column.
     */
    private List<AlertRule> rows(String sql, List<?> params) {
        List<Row> rows = jdbc.sql(sql.replace(", definition FROM", ", NULL FROM")).params(params)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), null))
                .list();
        List<String> stale = rows.stream().filter(r -> cached(r) == null).map(Row::id).toList();
        for (int i = 0; i < stale.size(); i += 500) {
            List<String> chunk = stale.subList(i, Math.min(stale.size(), i + 500));
            jdbc.sql("SELECT id, updated_at, definition FROM alert_rule WHERE id IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(chunk)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3)))
                    .list()
                    .forEach(r -> parsed.put(r.id(), new Parsed(r.updatedAt(), RuleJson.readStored(r.id(), r.definition()))));
        }
        return rows.stream().map(this::cached).filter(java.util.Objects::nonNull).toList();
    }

    private AlertRule cached(Row row) {
        Parsed hit = parsed.get(row.id());
        return hit != null && hit.updatedAt() >= row.updatedAt() ? hit.rule() : null;
    }
}

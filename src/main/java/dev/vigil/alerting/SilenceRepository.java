package dev.vigil.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;

/** Silences; an expired one is kept (history), deleting one through the API expires it. */
@Repository
class SilenceRepository {

    private static final String COLUMNS = "id, matchers, starts_at, ends_at, comment, created_by, created_at";

    private final JdbcClient jdbc;

    SilenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Silence s) {
        jdbc.sql("INSERT INTO alert_silence (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), RuleJson.JSON.writeValueAsString(s.matchers()), s.startsAt().toEpochMilli(),
                        s.endsAt().toEpochMilli(), s.comment(), s.createdBy(), s.createdAt().toEpochMilli())
                .update();
    }

    boolean expire(String id, Instant at) {
        return jdbc.sql("UPDATE alert_silence SET ends_at = CASE WHEN ends_at < ? THEN ends_at ELSE ? END, "
                        + "starts_at = CASE WHEN starts_at < ? THEN starts_at ELSE ? END WHERE id = ?")
                .params(at.toEpochMilli(), at.toEpochMilli(), at.toEpochMilli(), at.toEpochMilli(), id).update() == 1;
    }

    Optional<Silence> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_silence WHERE id = ?").param(id)
                .query((rs, n) -> read(rs)).optional();
    }

    /** Silences not yet over at {@code now} (active and planned). */
    List<Silence> notEndedAt(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_silence WHERE ends_at > ? ORDER BY starts_at")
                .param(now.toEpochMilli()).query((rs, n) -> read(rs)).list();
    }

    /** Newest first, expired included. */
    List<Silence> page(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_silence ORDER BY ends_at DESC, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(offset, limit).query((rs, n) -> read(rs)).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM alert_silence").query(Long.class).single();
    }

    private static Silence read(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<Silence.Matcher> matchers = new ArrayList<>();
        for (JsonNode m : RuleJson.JSON.readTree(rs.getString(2))) {
            matchers.add(new Silence.Matcher(m.get("name").asString(),
                    Silence.Operator.fromSymbol(m.get("operator").asString()).orElseThrow(), m.get("value").asString()));
        }
        return new Silence(rs.getString(1), matchers, Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)));
    }
}

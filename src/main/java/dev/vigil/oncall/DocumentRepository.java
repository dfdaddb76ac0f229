package dev.vigil.oncall;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Teams, services, escalation policies and schedules, each kind in its own table of (id, name,
 * definition JSON); services also keep their integration key in a column of its own for lookups.
 */
@Repository
class DocumentRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored document: its definition is the JSON the API speaks, references resolved to ids. */
    record Stored(String id, String name, JsonNode definition) {
    }

    List<Stored> all(OnCallResource kind) {
        return jdbc.sql("SELECT id, name, definition FROM " + table(kind) + " ORDER BY name").query(this::row).list();
    }

    List<Stored> page(OnCallResource kind, int offset, int limit) {
        return jdbc.sql("SELECT id, name, definition FROM " + table(kind) + " ORDER BY name OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(offset, limit).query(this::row).list();
    }

    long count(OnCallResource kind) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table(kind)).query(Long.class).single();
    }

    /** By id, else by name: an id may look like another document's name, and the id wins. */
    Optional<Stored> find(OnCallResource kind, String idOrName) {
        return jdbc.sql("SELECT id, name, definition FROM " + table(kind) + " WHERE id = ? OR name = ? "
                        + "ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END")
                .params(idOrName, idOrName, idOrName).query(this::row).list().stream().findFirst();
    }

    /** The document by id, its row locked until the transaction ends (read-modify-write of overrides). */
    Optional<Stored> lock(OnCallResource kind, String id) {
        return jdbc.sql("SELECT id, name, definition FROM " + table(kind) + " WHERE id = ? FOR UPDATE")
                .param(id).query(this::row).optional();
    }

    Optional<String> idOfName(OnCallResource kind, String name) {
        return jdbc.sql("SELECT id FROM " + table(kind) + " WHERE name = ?").param(name).query(String.class).optional();
    }

    boolean exists(OnCallResource kind, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table(kind) + " WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    Optional<Stored> serviceByIntegrationKey(String key) {
        return jdbc.sql("SELECT id, name, definition FROM oncall_service WHERE integration_key = ?")
                .param(key).query(this::row).optional();
    }

    void insert(OnCallResource kind, OnCallDocument document, JsonNode definition) {
        long now = clock.millis();
        if (kind == OnCallResource.SERVICES) {
            jdbc.sql("INSERT INTO oncall_service (id, name, definition, integration_key, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(document.id(), document.name(), JSON.writeValueAsString(definition),
                            ((ServiceEntry) document).integrationKey(), now, now)
                    .update();
            return;
        }
        jdbc.sql("INSERT INTO " + table(kind) + " (id, name, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(document.id(), document.name(), JSON.writeValueAsString(definition), now, now)
                .update();
    }

    /** Replaces the name and definition; the id (and a service's integration key) never change. */
    boolean update(OnCallResource kind, OnCallDocument document, JsonNode definition) {
        return jdbc.sql("UPDATE " + table(kind) + " SET name = ?, definition = ?, updated_at = ? WHERE id = ?")
                .params(document.name(), JSON.writeValueAsString(definition), clock.millis(), document.id())
                .update() == 1;
    }

    void setIntegrationKey(String serviceId, String key) {
        jdbc.sql("UPDATE oncall_service SET integration_key = ? WHERE id = ?").params(key, serviceId).update();
    }

    boolean delete(OnCallResource kind, String id) {
        return jdbc.sql("DELETE FROM " + table(kind) + " WHERE id = ?").param(id).update() == 1;
    }

    private Stored row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getString(1), rs.getString(2), JSON.readTree(rs.getString(3)));
    }

    private static String table(OnCallResource kind) {
        return switch (kind) {
            case TEAMS -> "oncall_team";
            case SERVICES -> "oncall_service";
            case ESCALATION_POLICIES -> "oncall_escalation_policy";
            case SCHEDULES -> "oncall_schedule";
        };
    }
}

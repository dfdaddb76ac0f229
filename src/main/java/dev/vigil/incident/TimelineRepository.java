package dev.vigil.incident;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline of every incident: appended, never changed. */
@Repository
class TimelineRepository {

    private final JdbcClient jdbc;

    TimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(long incident, Instant at, String actor, String kind, String message) {
        jdbc.sql("INSERT INTO incident_timeline (incident_number, at, actor, kind, message) VALUES (?, ?, ?, ?, ?)")
                .params(incident, at.toEpochMilli(), actor, kind, message.length() > 2000 ? message.substring(0, 2000)
                        : message)
                .update();
    }

    List<TimelineEntry> of(long incident) {
        return jdbc.sql("SELECT at, actor, kind, message FROM incident_timeline WHERE incident_number = ? ORDER BY at, id")
                .param(incident)
                .query((rs, n) -> new TimelineEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .list();
    }
}

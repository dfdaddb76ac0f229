package dev.vigil.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vigil.alerting.Severity;

/**
 * Incidents of a time range with their RCA and prevention-measure facts, in one query. The RCA time is
 * the first "rca" timeline entry, not {@code incident_rca.written_at}: saving the RCA again (to tick a
 * measure off) moves that column, and must not make an RCA written on time look late.
 */
@Repository
class IncidentHistory {

    private final JdbcClient jdbc;

    IncidentHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IncidentRecord> triggeredBetween(String service, Instant from, Instant to) {
        List<Object> params = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
        String serviceFilter = "";
        if (service != null) {
            serviceFilter = " AND i.service = ?";
            params.add(service);
        }
        return jdbc.sql("SELECT i.incident_number, i.title, i.service, i.severity, i.triggered_at, i.acknowledged_at, "
                        + "i.resolved_at, "
                        + "COALESCE((SELECT MIN(t.at) FROM incident_timeline t WHERE t.incident_number = i.incident_number "
                        + "AND t.kind = 'rca'), (SELECT r.written_at FROM incident_rca r "
                        + "WHERE r.incident_number = i.incident_number)), "
                        + "(SELECT COUNT(*) FROM prevention_measure m WHERE m.incident_number = i.incident_number "
                        + "AND m.status = 'OPEN'), "
                        + "(SELECT COUNT(*) FROM prevention_measure m WHERE m.incident_number = i.incident_number "
                        + "AND m.status = 'DONE') "
                        + "FROM incident i WHERE i.triggered_at >= ? AND i.triggered_at < ?" + serviceFilter
                        + " ORDER BY i.incident_number")
                .params(params)
                .query((rs, n) -> new IncidentRecord(Incident.id(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        Severity.valueOf(rs.getString(4)), instant(rs, 5), instant(rs, 6), instant(rs, 7),
                        instant(rs, 8), rs.getInt(9), rs.getInt(10)))
                .list();
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        long millis = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}

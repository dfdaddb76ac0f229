package dev.vigil.incident;

import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vigil.incident.RootCauseAnalysis.PreventionMeasure;

/** Root-cause analyses and their prevention measures; saving one replaces what was there. */
@Repository
class RcaRepository {

    private final JdbcClient jdbc;

    RcaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long incident, RootCauseAnalysis rca) {
        jdbc.sql("DELETE FROM prevention_measure WHERE incident_number = ?").param(incident).update();
        jdbc.sql("DELETE FROM incident_rca WHERE incident_number = ?").param(incident).update();
        jdbc.sql("INSERT INTO incident_rca (incident_number, root_cause, contributing_factors, author, written_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(incident, rca.rootCause(), rca.contributingFactors(), rca.author(), rca.writtenAt().toEpochMilli())
                .update();
        for (PreventionMeasure m : rca.preventionMeasures()) {
            jdbc.sql("INSERT INTO prevention_measure (incident_number, description, owner, due_date, status) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(incident, m.description(), m.owner(), m.dueDate() == null ? null : Date.valueOf(m.dueDate()),
                            m.status().name())
                    .update();
        }
    }

    /** @param dueAt when the RCA is due (24 h after resolution), null while unresolved */
    Optional<RootCauseAnalysis> find(long incident, Instant dueAt) {
        List<PreventionMeasure> measures = jdbc.sql("SELECT description, owner, due_date, status FROM prevention_measure "
                        + "WHERE incident_number = ? ORDER BY id")
                .param(incident)
                .query((rs, n) -> new PreventionMeasure(rs.getString(1), rs.getString(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
                        RootCauseAnalysis.Status.valueOf(rs.getString(4))))
                .list();
        return jdbc.sql("SELECT root_cause, contributing_factors, author, written_at FROM incident_rca WHERE incident_number = ?")
                .param(incident)
                .query((rs, n) -> new RootCauseAnalysis(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), dueAt, measures))
                .optional();
    }
}

package dev.vigil.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.reporting.ServiceTargets.Goal;
import dev.vigil.reporting.ServiceTargets.Term;

/** Each service's targets and goals; saving replaces them whole, in one transaction. */
@Repository
class TargetStore {

    private final JdbcClient jdbc;

    TargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ServiceTargets> find(String service) {
        List<Goal> goals = jdbc.sql("SELECT term, kpi, target, note FROM report_goal WHERE service = ? ORDER BY position")
                .param(service)
                .query((rs, n) -> new Goal(Term.valueOf(rs.getString(1)), ReportKpi.valueOf(rs.getString(2)),
                        rs.getDouble(3), rs.getString(4)))
                .list();
        return jdbc.sql("SELECT service, response_time_budget_ms, p95_target_ms, availability_target_pct, "
                        + "slo_availability_pct, error_rate_target_pct, throughput_capacity_rps, updated_at, updated_by "
                        + "FROM report_target WHERE service = ?")
                .param(service)
                .query((rs, n) -> new ServiceTargets(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getObject(7) == null ? null : rs.getDouble(7), goals,
                        Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9)))
                .optional();
    }

    List<String> services() {
        return jdbc.sql("SELECT service FROM report_target ORDER BY service").query(String.class).list();
    }

    @Transactional
    void save(ServiceTargets t) {
        jdbc.sql("DELETE FROM report_goal WHERE service = ?").param(t.service()).update();
        jdbc.sql("DELETE FROM report_target WHERE service = ?").param(t.service()).update();
        jdbc.sql("INSERT INTO report_target (service, response_time_budget_ms, p95_target_ms, availability_target_pct, "
                        + "slo_availability_pct, error_rate_target_pct, throughput_capacity_rps, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.service(), t.responseTimeBudgetMs(), t.p95TargetMs(), t.availabilityTargetPct(),
                        t.sloAvailabilityPct(), t.errorRateTargetPct(), t.throughputCapacityRps(),
                        t.updatedAt().toEpochMilli(), t.updatedBy())
                .update();
        for (int i = 0; i < t.goals().size(); i++) {
            Goal g = t.goals().get(i);
            jdbc.sql("INSERT INTO report_goal (service, position, term, kpi, target, note) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(t.service(), i, g.term().name(), g.kpi().name(), g.target(), g.note())
                    .update();
        }
    }
}

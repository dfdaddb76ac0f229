package dev.vigil.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The archive of generated reports: one row per period, service and start day, with its three renderings. */
@Repository
class ArchiveStore {

    /** The overall report's key; service names cannot contain '*'. */
    static final String OVERALL = "*";
    private static final String COLUMNS = "id, period, service_key, period_start, zone, period_from, period_to, title, "
            + "generated_at";

    private final JdbcClient jdbc;

    ArchiveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rendering of one format. */
    enum Format {
        JSON("json_body"), PDF("pdf_body"), CSV("csv_body"),
        /** Overall reports only: the audit log of the period (null for a service's report). */
        AUDIT_CSV("audit_csv");

        private final String column;

        Format(String column) {
            this.column = column;
        }
    }

    boolean exists(ReportWindow window, String service) {
        return jdbc.sql("SELECT COUNT(*) FROM report_archive WHERE period = ? AND service_key = ? AND period_start = ?")
                .params(window.period().name(), key(service), window.start().toString())
                .query(Long.class).single() > 0;
    }

    long insert(Report r, byte[] json, byte[] pdf, byte[] csv, byte[] auditCsv) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO report_archive (period, service_key, period_start, zone, period_from, period_to, title, "
                        + "generated_at, json_body, pdf_body, csv_body, audit_csv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.period().name(), key(r.service()), r.start().toString(), r.zone(), r.from().toEpochMilli(),
                        r.to().toEpochMilli(), r.title(), r.generatedAt().toEpochMilli(), json, pdf, csv, auditCsv)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Newest period first, then overall before services. */
    List<ArchivedReport> page(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report_archive ORDER BY period_from DESC, period, service_key, id "
                        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(offset, limit)
                .query((rs, n) -> read(rs)).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM report_archive").query(Long.class).single();
    }

    Optional<ArchivedReport> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report_archive WHERE id = ?").param(id)
                .query((rs, n) -> read(rs)).optional();
    }

    Optional<byte[]> body(long id, Format format) {
        return jdbc.sql("SELECT " + format.column + " FROM report_archive WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getBytes(1))).optional().flatMap(body -> body);
    }

    private static String key(String service) {
        return service == null ? OVERALL : service;
    }

    private static ArchivedReport read(ResultSet rs) throws SQLException {
        String service = rs.getString(3);
        return new ArchivedReport(rs.getLong(1), Period.valueOf(rs.getString(2)), OVERALL.equals(service) ? null : service,
                LocalDate.parse(rs.getString(4)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)));
    }
}

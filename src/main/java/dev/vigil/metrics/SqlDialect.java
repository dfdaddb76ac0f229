package dev.vigil.metrics;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** The few statements that H2 and PostgreSQL spell differently: upserts. */
@Component
class SqlDialect {

    private final boolean postgres;

    SqlDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    boolean isPostgres() {
        return postgres;
    }

    /** Insert or overwrite one row of {@code table}; {@code keys} are the primary key columns. */
    String upsert(String table, String[] keys, String[] values) {
        String columns = String.join(", ", concat(keys, values));
        String marks = "?" + ", ?".repeat(keys.length + values.length - 1);
        if (!postgres) {
            return "MERGE INTO " + table + " (" + columns + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks + ")";
        }
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks
                + ") ON CONFLICT (" + String.join(", ", keys) + ") DO ");
        if (values.length == 0) {
            return sql.append("NOTHING").toString();
        }
        sql.append("UPDATE SET ");
        for (int i = 0; i < values.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(values[i]).append(" = EXCLUDED.").append(values[i]);
        }
        return sql.toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

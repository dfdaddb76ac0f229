package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;

/**
 * What the crash suite reads from the nodes' database: incidents and their timelines, the outbox, and the
 * Flowable jobs a node holds. Read with plain JDBC, as an operator's query would, never through Vigil.
 */
final class CrashDatabase {

    private static final String JOBS_HELD = "SELECT (SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = ?) "
            + "+ (SELECT COUNT(*) FROM act_ru_timer_job WHERE lock_owner_ = ?)";

    private final VigilNode.Database database;

    CrashDatabase(VigilNode.Database database) {
        this.database = database;
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            return single(statement);
        }
    }

    /** Flowable jobs (timers being fired included) locked by the async executor {@code lockOwner}. */
    long jobsHeldBy(String lockOwner) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(JOBS_HELD)) {
            return jobsHeld(statement, lockOwner);
        }
    }

    /** Polls until {@code lockOwner} holds a job or {@code deadlineNanos} ({@link System#nanoTime()}) passes. */
    boolean awaitJobHeldBy(String lockOwner, long deadlineNanos) throws SQLException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(JOBS_HELD)) {
            // A job is held for only a few milliseconds, so the poll is tight; in this thread, on this statement.
            await().atMost(Duration.ofNanos(remaining)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .pollInSameThread().until(() -> jobsHeld(statement, lockOwner) > 0);
            return true;
        } catch (ConditionTimeoutException notHeld) {
            return false;
        }
    }

    /** Dedup key → incident number, of the incidents of {@code service}; fails on a key opened twice. */
    Map<String, Long> incidentsByKey(String service) throws SQLException {
        Map<String, Long> incidents = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT dedup_key, incident_number FROM incident WHERE service = ?")) {
            statement.setString(1, service);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // The events API keeps the dedup key under the service it came for.
                    String key = rows.getString(1).substring(service.length() + 1);
                    Long before = incidents.put(key, rows.getLong(2));
                    assertThat(before).as("a second incident for key " + key).isNull();
                }
            }
        }
        return incidents;
    }

    /** {@code INC-<number>} → how many times its timeline says it escalated. */
    Map<String, Integer> escalationsPerIncident() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("SELECT incident_number, COUNT(*) "
                        + "FROM incident_timeline WHERE kind = 'escalated' GROUP BY incident_number");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put("INC-" + rows.getLong(1), rows.getInt(2));
            }
        }
        return counts;
    }

    /** {@code "INC-7 +15550300002"} → the SNS message ids recorded on its SMS outbox rows (one per row). */
    Map<String, List<String>> smsRows() throws SQLException {
        Map<String, List<String>> rows = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("SELECT incident_id, address, "
                        + "provider_message_id FROM notification WHERE channel = 'SMS'");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.computeIfAbsent(result.getString(1) + " " + result.getString(2), m -> new ArrayList<>())
                        .add(result.getString(3));
            }
        }
        return rows;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static long jobsHeld(PreparedStatement statement, String lockOwner) throws SQLException {
        statement.setString(1, lockOwner);
        statement.setString(2, lockOwner);
        return single(statement);
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

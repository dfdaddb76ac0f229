package dev.vigil;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty PostgreSQL database for one test context, created on a server given by URL, so that
 * Flyway and Flowable build every table from nothing, as on a new production install.
 */
final class PostgresTestDatabase {

    private PostgresTestDatabase() {
    }

    /** Creates database {@code vigil_it_<random>} through {@code adminUrl} and points the context at it. */
    static void createAndRegister(String adminUrl, String user, String password, DynamicPropertyRegistry registry) {
        String url = create(adminUrl, user, password);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    /** Creates database {@code vigil_it_<random>} through {@code adminUrl}; its JDBC URL. */
    static String create(String adminUrl, String user, String password) {
        String name = "vigil_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + adminUrl, e);
        }
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }
}

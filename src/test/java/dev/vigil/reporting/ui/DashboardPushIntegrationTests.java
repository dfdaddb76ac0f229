package dev.vigil.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard hears of incidents without Spring Modulith's publication registry: a registered
 * publication is marked in a second transaction from the committing thread while it still holds its
 * connection, and a burst of incidents under load drained the connection pool that way (mixed-load
 * benchmark of issue #9: every request timed out).
 */
@VigilIntegrationTest
class DashboardPushIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void openingAnIncidentRecordsNoEventPublicationForTheDashboard() {
        ApiClient.Response opened = new ApiClient(port).post("/api/v1/incidents", TestAccounts.API_TOKEN,
                "application/json", """
                        {"title": "Push check", "service": "push-%s", "severity": "high"}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 8)));
        assertThat(opened.status()).isEqualTo(201);

        long dashboardPublications = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE ?")
                .param("%DashboardPush%").query(Long.class).single();
        assertThat(dashboardPublications).isZero();
    }
}

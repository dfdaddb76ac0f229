package dev.vigil;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The foundation's scenarios on the PostgreSQL server that {@code .ci/run} starts (no Docker needed).
 * Set {@code VIGIL_TEST_POSTGRES_URL} (an admin JDBC URL), {@code _USER} and {@code _PASSWORD} to run it.
 */
@EnabledIfEnvironmentVariable(named = "VIGIL_TEST_POSTGRES_URL", matches = ".+")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigil.data-dir=target/it-data-pg",
        "vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN})
class PostgresExternalIntegrationTests extends DatabaseScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.createAndRegister(System.getenv("VIGIL_TEST_POSTGRES_URL"),
                System.getenv().getOrDefault("VIGIL_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("VIGIL_TEST_POSTGRES_PASSWORD", "postgres"), registry);
    }
}

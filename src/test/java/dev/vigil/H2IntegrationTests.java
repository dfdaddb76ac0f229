package dev.vigil;

/** The foundation's scenarios on the embedded default database. */
@VigilIntegrationTest
class H2IntegrationTests extends DatabaseScenarios {
}

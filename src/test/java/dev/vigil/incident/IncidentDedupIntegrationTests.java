package dev.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vigil.VigilIntegrationTest;
import dev.vigil.alerting.AlertFired;
import dev.vigil.alerting.AlertRecovered;
import dev.vigil.alerting.AlertState;
import dev.vigil.alerting.Severity;

/** One open incident per dedup key, however many triggers race, and alerts turning into incidents. */
@VigilIntegrationTest
class IncidentDedupIntegrationTests {

    @Autowired
    IncidentLifecycle lifecycle;

    @Autowired
    IncidentRepository incidents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void aHundredConcurrentTriggersWithOneKeyOpenExactlyOneIncident() throws Exception {
        String key = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IncidentLifecycle.Triggered>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return lifecycle.trigger(new TriggerRequest(key, "Race", "checkout", Severity.HIGH,
                        IncidentSource.EVENTS_API, "default", null, null, null, Map.of()), "test");
            }));
        }
        start.countDown();
        List<IncidentLifecycle.Triggered> triggered = new ArrayList<>();
        for (Future<IncidentLifecycle.Triggered> f : results) {
            triggered.add(f.get());
        }
        pool.shutdown();

        assertThat(triggered).filteredOn(IncidentLifecycle.Triggered::opened).hasSize(1);
        assertThat(triggered).extracting(t -> t.incident().id()).containsOnly(triggered.getFirst().incident().id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE dedup_key = ?").param(key).query(Long.class).single())
                .isEqualTo(1);
        assertThat(incidents.findOpen(key).orElseThrow().alertCount()).isEqualTo(100);
    }

    @Test
    void aTriggerAfterResolutionOpensANewIncident() {
        String key = "again-" + UUID.randomUUID();
        Incident first = trigger(key).incident();
        lifecycle.resolve(first.number(), "ana", false, null);

        IncidentLifecycle.Triggered second = trigger(key);

        assertThat(second.opened()).isTrue();
        assertThat(second.incident().id()).isNotEqualTo(first.id());
    }

    @Test
    void aFiringAlertOpensAnIncidentAndItsRecoveryResolvesIt() {
        String key = "rule-x{service=checkout," + UUID.randomUUID() + "}";
        transactions.executeWithoutResult(tx -> events.publishEvent(new AlertFired(key, "rule-x", "Rule X", "checkout",
                Severity.CRITICAL, Map.of("service", "checkout"), AlertState.FIRING, 812.0, "> 500",
                "Rule X: checkout — 812 > 500", "https://runbooks.example/x", "default", java.time.Instant.now(), null,
                "api.response_time_ms", Map.of("service", "checkout", "stat", "p95"))));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> incidents.findOpen(key).isPresent());
        Incident incident = incidents.findOpen(key).orElseThrow();
        assertThat(incident.source()).isEqualTo(IncidentSource.RULE);
        assertThat(incident.title()).isEqualTo("Rule X: checkout — 812 > 500");
        assertThat(incident.runbookUrl()).isEqualTo("https://runbooks.example/x");
        assertThat(incident.details()).containsEntry("value", "812.0")
                .containsEntry("chart.metric", "api.response_time_ms").containsEntry("chart.label.stat", "p95");

        transactions.executeWithoutResult(tx -> events.publishEvent(new AlertRecovered(key, "rule-x", "Rule X", 100.0,
                "100 does not breach > 500", java.time.Instant.now())));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> incidents.find(incident.number()).orElseThrow().status() == IncidentStatus.RESOLVED);
    }

    @Test
    void aSilencedAlertOpensAnIncidentThatPagesNobodyAndSaysSo() {
        String key = "silenced-" + UUID.randomUUID();
        Incident incident = lifecycle.trigger(new TriggerRequest(key, "Silenced", "checkout", Severity.HIGH,
                IncidentSource.RULE, "default", "r", null, "s-maintenance", Map.of()), "test").incident();

        assertThat(incident.silencedBy()).isEqualTo("s-maintenance");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE incident_id = ?").param(incident.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT message FROM incident_timeline WHERE incident_number = ? AND kind = 'silenced'")
                .param(incident.number()).query(String.class).list()).singleElement().asString()
                .contains("silenced by s-maintenance");
    }

    private IncidentLifecycle.Triggered trigger(String key) {
        return lifecycle.trigger(new TriggerRequest(key, "Again", "checkout", Severity.HIGH, IncidentSource.MANUAL,
                "default", null, null, null, Map.of()), "test");
    }
}

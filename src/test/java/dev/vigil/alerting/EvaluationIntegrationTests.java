package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.Sample;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** Rules evaluated by the real clustered Quartz scheduler against stored samples. */
@VigilIntegrationTest
class EvaluationIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;

    @LocalServerPort
    int port;

    @Autowired
    MetricsManagement metrics;

    @Autowired
    RecordedAlerts recorded;

    @Autowired
    Scheduler scheduler;

    @Autowired
    MeterRegistry meters;

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void aBreachFiresWithinSecondsAndARecoveryRecovers() {
        String metric = "it.latency." + UUID.randomUUID().toString().substring(0, 8);
        String id = createRule(metric, "PT1S", "ignore");
        try {
            push(metric, "checkout", 812);

            await().atMost(Duration.ofSeconds(15)).until(() -> !recorded.firedFor(id).isEmpty());
            AlertFired fired = recorded.firedFor(id).getFirst();
            assertThat(fired.dedupKey()).isEqualTo(id + "{service=checkout}");
            assertThat(fired.value()).isEqualTo(812);
            assertThat(fired.condition()).isEqualTo("> 500");
            assertThat(fired.service()).isEqualTo("checkout");
            assertThat(fired.silencedBy()).isNull();

            push(metric, "checkout", 100);
            await().atMost(Duration.ofSeconds(15)).until(() -> !recorded.recoveredFor(id).isEmpty());

            JsonNode history = api().get("/api/v1/rules/" + id + "/history", TOKEN).json().get("content");
            assertThat(history.valueStream().map(t -> t.get("from").asString() + ">" + t.get("to").asString()).toList())
                    .containsExactly("FIRING>OK", "OK>FIRING");
            assertThat(history.get(1).get("value").asDouble()).isEqualTo(812);
            assertThat(history.get(1).get("labels").get("service").asString()).isEqualTo("checkout");
        } finally {
            api().delete("/api/v1/rules/" + id, TOKEN);
        }
    }

    @Test
    void aSilencedAlertKeepsItsHistoryAndSaysWhichSilenceMutedIt() {
        String metric = "it.silenced." + UUID.randomUUID().toString().substring(0, 8);
        String id = createRule(metric, "PT1S", "ignore");
        String silence = api().post("/api/v1/silences", TOKEN, "application/json", """
                {"matchers": [{"name": "rule", "operator": "=", "value": "%s"}], "duration": "PT10M",
                 "comment": "maintenance"}""".formatted(id)).json().get("id").asString();
        try {
            push(metric, "search", 900);

            await().atMost(Duration.ofSeconds(15)).until(() -> !recorded.firedFor(id).isEmpty());
            assertThat(recorded.firedFor(id).getFirst().silencedBy()).isEqualTo(silence);
            JsonNode transition = api().get("/api/v1/rules/" + id + "/history", TOKEN).json().get("content").get(0);
            assertThat(transition.get("to").asString()).isEqualTo("FIRING");
            assertThat(transition.get("silencedBy").asString()).isEqualTo(silence);
        } finally {
            api().delete("/api/v1/silences/" + silence, TOKEN);
            api().delete("/api/v1/rules/" + id, TOKEN);
        }
    }

    @Test
    void aRuleWhoseMetricNeverArrivesAlertsUnderNoDataAlert() {
        String metric = "it.never." + UUID.randomUUID().toString().substring(0, 8);
        String id = createRule(metric, "PT1S", "no-data-alert");
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> !recorded.firedFor(id).isEmpty());

            AlertFired fired = recorded.firedFor(id).getFirst();
            assertThat(fired.state()).isEqualTo(AlertState.NO_DATA);
            assertThat(fired.value()).isNull();
            assertThat(fired.dedupKey()).isEqualTo(id + "{}");
        } finally {
            api().delete("/api/v1/rules/" + id, TOKEN);
        }
    }

    @Test
    void rulesSharingAnIntervalShareOneJobAndTheJobGoesWithTheLastRule() throws Exception {
        String a = createRule("it.shared.a", "PT7S", "ignore");
        String b = createRule("it.shared.b", "PT7S", "ignore");
        try {
            assertThat(scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals("alerting")))
                    .filteredOn(k -> k.getName().equals("evaluate-every-PT7S")).hasSize(1);
        } finally {
            api().delete("/api/v1/rules/" + a, TOKEN);
            api().delete("/api/v1/rules/" + b, TOKEN);
        }
        assertThat(scheduler.checkExists(EvaluationScheduler.jobFor(Duration.ofSeconds(7)))).isFalse();
    }

    @Test
    void aMisfireAfterDowntimeEvaluatesOnceNotInABurst() throws Exception {
        String id = createRule("it.misfire." + UUID.randomUUID().toString().substring(0, 8), "PT1S", "ignore");
        var job = EvaluationScheduler.jobFor(Duration.ofSeconds(1));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> cycles() > 0);
            double before = cycles();

            // "downtime": the schedule began 8 s ago and nothing has fired since — eight planned
            // evaluations missed, past the 5 s misfire threshold
            scheduler.rescheduleJob(TriggerKey.triggerKey(job.getName(), job.getGroup()),
                    EvaluationScheduler.trigger(job, Duration.ofSeconds(1), Instant.now().minusSeconds(8)));
            await().atMost(Duration.ofSeconds(10)).until(() -> cycles() > before);

            // one catch-up evaluation, then the 1 s schedule; a burst would add ~8 at once
            await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3))
                    .until(() -> cycles() - before <= 3);
        } finally {
            api().delete("/api/v1/rules/" + id, TOKEN);
        }
    }

    private double cycles() {
        var timer = meters.find("vigil.alerting.evaluation.duration").tag("interval", "PT1S").timer();
        return timer == null ? 0 : timer.count();
    }

    private String createRule(String metric, String every, String missingData) {
        ApiClient.Response response = api().post("/api/v1/rules", TOKEN, "application/json", """
                {"name": "IT %s %s", "severity": "high",
                 "query": {"metric": "%s", "aggregation": "max", "window": "PT2S"},
                 "condition": {"comparator": ">", "threshold": 500},
                 "missingData": "%s", "evaluateEvery": "%s"}""".formatted(metric, UUID.randomUUID(), metric,
                missingData, every));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private void push(String metric, String service, double value) {
        metrics.ingest(List.of(new Sample(metric, Map.of("service", service), Instant.now(), value)));
    }
}

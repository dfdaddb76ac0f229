package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Targets and reports through the REST API, as scripts and tools see them. */
@VigilIntegrationTest
@RecordApplicationEvents
class ReportsApiIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    ReportArchiver archiver;

    @Autowired
    ApplicationEvents events;

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void theDemoServiceComesWithTheTargetsOfTheSpecification() {
        ApiClient.Response response = api().get("/api/v1/services/checkout/targets", TOKEN);

        assertThat(response.status()).isEqualTo(200);
        JsonNode targets = response.json();
        assertThat(targets.get("responseTimeBudgetMs").asDouble()).isEqualTo(200);
        assertThat(targets.get("p95TargetMs").asDouble()).isEqualTo(500);
        assertThat(targets.get("availabilityTargetPct").asDouble()).isEqualTo(99);
        assertThat(targets.get("sloAvailabilityPct").asDouble()).isEqualTo(99.9);
        assertThat(targets.get("errorRateTargetPct").asDouble()).isEqualTo(1);
        assertThat(targets.get("goals").get(0).get("term").asString()).isEqualTo("short");
        assertThat(targets.get("goals").get(0).get("kpi").asString()).isEqualTo("response_p95_ms");
    }

    @Test
    void targetsAreReplacedWholeAndReadBack() {
        String service = "api-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().get("/api/v1/services/" + service + "/targets", TOKEN).status()).isEqualTo(404);

        ApiClient.Response saved = api().put("/api/v1/services/" + service + "/targets", TOKEN, JSON, """
                {"responseTimeBudgetMs": 150, "p95TargetMs": 400, "availabilityTargetPct": 99.5,
                 "sloAvailabilityPct": 99.95, "errorRateTargetPct": 0.5,
                 "goals": [{"term": "long", "kpi": "mttr_minutes", "target": 30, "note": "Resolve within half an hour"}]}""");

        assertThat(saved.status()).isEqualTo(200);
        JsonNode read = api().get("/api/v1/services/" + service + "/targets", TOKEN).json();
        assertThat(read.get("p95TargetMs").asDouble()).isEqualTo(400);
        assertThat(read.get("throughputCapacityRps").isNull()).isTrue();
        assertThat(read.get("goals").get(0).get("kpi").asString()).isEqualTo("mttr_minutes");
        assertThat(read.get("updatedBy").asString()).isNotBlank();
    }

    @Test
    void invalidTargetsAreRefusedWithEveryBadFieldAndNothingIsStored() {
        String before = api().get("/api/v1/services/checkout/targets", TOKEN).body();

        ApiClient.Response refused = api().put("/api/v1/services/checkout/targets", TOKEN, JSON, """
                {"responseTimeBudgetMs": 0, "p95TargetMs": "fast", "availabilityTargetPct": 99,
                 "sloAvailabilityPct": 100, "errorRateTargetPct": 1, "colour": "red",
                 "goals": [{"term": "someday", "kpi": "happiness", "target": 1}, {"term": "short", "kpi": "mtta_minutes", "target": -5}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .containsExactlyInAnyOrder("/responseTimeBudgetMs", "/p95TargetMs", "/sloAvailabilityPct", "/colour",
                        "/goals/0/term", "/goals/0/kpi", "/goals/1/target");
        assertThat(api().get("/api/v1/services/checkout/targets", TOKEN).body()).isEqualTo(before);
    }

    @Test
    void reportsAndTargetsNeedAuthentication() {
        assertThat(api().get("/api/v1/reports/daily", null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/services/checkout/targets", null).status()).isEqualTo(401);
    }

    @Test
    void aBadPeriodDateOrServiceIsA400NamingTheField() {
        assertThat(pointers(api().get("/api/v1/reports/fortnightly", TOKEN))).containsExactly("/period");
        assertThat(pointers(api().get("/api/v1/reports/daily.pdf?date=2026-13-01", TOKEN))).containsExactly("/date");
        assertThat(pointers(api().get("/api/v1/reports/monthly?service=no%20such", TOKEN))).containsExactly("/service");
        assertThat(pointers(api().get("/api/v1/reports/weekly.csv?service=never-seen-service", TOKEN)))
                .containsExactly("/service");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        assertThat(pointers(api().get("/api/v1/reports/daily?date=" + tomorrow, TOKEN))).containsExactly("/date");
    }

    @Test
    void aReportIsServedAsJsonPdfAndCsv() throws IOException {
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        ApiClient.Response json = api().get("/api/v1/reports/daily?date=" + day + "&service=checkout", TOKEN);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("title").asString()).isEqualTo("Daily report · checkout · " + day);
        assertThat(json.json().get("period").asString()).isEqualTo("daily");
        assertThat(json.json().get("from").asString()).isEqualTo(day + "T00:00:00Z");
        assertThat(json.json().get("targets").get("responseTimeBudgetMs").asDouble()).isEqualTo(200);
        assertThat(json.json().get("trend").get("rule").asString()).contains("previous period");

        ApiClient.Response pdf = api().get("/api/v1/reports/daily.pdf?date=" + day + "&service=checkout", TOKEN);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");

        ApiClient.Response csv = api().get("/api/v1/reports/monthly.csv?service=checkout", TOKEN);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = ReportCsvTests.parse(csv.body().getBytes(StandardCharsets.UTF_8));
        assertThat(ReportCsvTests.row(rows, "report", "period").get("value")).isEqualTo("monthly");
        assertThat(ReportCsvTests.row(rows, "report", "service").get("value")).isEqualTo("checkout");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anArchivedReportIsPublishedOnceWithItsLinkAndListedInTheArchive() {
        ReportWindow window = ReportWindow.containing(Period.DAILY, LocalDate.now(ZoneOffset.UTC).minusDays(10),
                ZoneOffset.UTC);

        Optional<ReportPublished> published = archiver.archive(window, "checkout");
        Optional<ReportPublished> again = archiver.archive(window, "checkout");

        assertThat(published).isPresent();
        assertThat(again).isEmpty();
        ReportPublished event = published.get();
        assertThat(events.stream(ReportPublished.class)).containsExactly(event);
        assertThat(event.period()).isEqualTo(Period.DAILY);
        assertThat(event.service()).isEqualTo("checkout");
        assertThat(event.from()).isEqualTo(window.from());
        assertThat(event.link()).endsWith("/reports?archive=" + event.archiveId()).startsWith("http");

        JsonNode page = api().get("/api/v1/reports/archive?size=500", TOKEN).json();
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("content").valueStream().map(r -> r.get("id").asLong()).toList())
                .contains(event.archiveId());
        ApiClient.Response json = api().get("/api/v1/reports/archive/" + event.archiveId(), TOKEN);
        assertThat(json.json().get("title").asString()).isEqualTo(event.title());
        ApiClient.Response pdf = api().get("/api/v1/reports/archive/" + event.archiveId() + ".pdf", TOKEN);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(api().get("/api/v1/reports/archive/987654321.csv", TOKEN).status()).isEqualTo(404);
        // Announced once, with its link (on the log channel here: no SNS topic is configured).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT channel, status FROM notification WHERE kind = 'announcement' AND long_message LIKE ?")
                        .param("%" + event.link()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("LOG SENT"));
    }

    private static List<String> pointers(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList();
    }
}

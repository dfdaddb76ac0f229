package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import dev.vigil.security.LoginSession;

/** The audit log travels with the reports: archived with each period's overall report, for admins. */
@VigilIntegrationTest
class ReportAuditExportIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;

    @LocalServerPort
    int port;

    @Autowired
    ReportArchiver archiver;

    @Test
    void theOverallReportIsArchivedWithTheChangesOfItsPeriodAndOnlyAdminsMayReadThem() throws IOException {
        String rule = createRule();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReportWindow week = ReportWindow.containing(Period.WEEKLY, today, ZoneOffset.UTC);
        long overall = archiver.archive(week, null).orElseThrow().archiveId();
        long checkout = archiver.archive(week, "checkout").orElseThrow().archiveId();

        ApiClient.Response archived = admin().get("/api/v1/reports/archive/" + overall + "/audit.csv");

        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.contentType()).startsWith("text/csv");
        assertThat(rows(archived.body())).filteredOn(r -> rule.equals(r.get("target_id")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("action")).isEqualTo("rule.created");
                    assertThat(r.get("after")).contains("Exported with the report");
                });
        assertThat(admin().get("/api/v1/reports/archive/" + checkout + "/audit.csv").status())
                .as("a service's report has no audit log of its own").isEqualTo(404);
        assertThat(api().get("/api/v1/reports/archive/" + overall + "/audit.csv", TOKEN).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/reports/archive/" + overall + "/audit.csv", null).status()).isEqualTo(401);
    }

    @Test
    void theLiveExportOfAPeriodHoldsTheChangesMadeInItAndNoneOfOtherPeriods() throws IOException {
        String rule = createRule();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        List<CSVRecord> todays = rows(admin().get("/api/v1/reports/daily/audit.csv?date=" + today).body());
        List<CSVRecord> yesterdays = rows(admin().get("/api/v1/reports/daily/audit.csv?date=" + today.minusDays(1))
                .body());

        assertThat(todays).extracting(r -> r.get("target_id")).contains(rule);
        assertThat(yesterdays).extracting(r -> r.get("target_id")).doesNotContain(rule);
    }

    @Test
    void aBadPeriodOrDateIsRefusedNamingIt() {
        ApiClient.Response period = admin().get("/api/v1/reports/hourly/audit.csv");
        ApiClient.Response date = admin().get("/api/v1/reports/daily/audit.csv?date=tomorrow");
        ApiClient.Response future = admin().get("/api/v1/reports/daily/audit.csv?date="
                + LocalDate.now(ZoneOffset.UTC).plusDays(3));

        assertThat(period.status()).isEqualTo(400);
        assertThat(period.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/period");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/date");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/date");
    }

    private String createRule() {
        ApiClient.Response created = api().post("/api/v1/rules", TOKEN, "application/json", """
                {"name": "Exported with the report %s", "service": "checkout", "severity": "low",
                 "query": {"metric": "audit.export", "aggregation": "avg", "window": "PT5M"},
                 "condition": {"comparator": ">", "threshold": 1}}""".formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private LoginSession admin() {
        LoginSession session = LoginSession.login(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertThat(session.loggedIn()).isTrue();
        return session;
    }
}

package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReportCsvTests {

    @Test
    void theCsvParsesBackWithOneFigurePerRow() throws IOException {
        List<CSVRecord> rows = parse(ReportCsv.render(ReportFixtures.checkoutOctober()));

        assertThat(row(rows, "report", "period").get("value")).isEqualTo("monthly");
        assertThat(row(rows, "report", "from").get("value")).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(row(rows, "report", "zone").get("value")).isEqualTo("Europe/Berlin");
        CSVRecord availability = row(rows, "performance", "availability");
        assertThat(availability.get("value")).isEqualTo("99.95");
        assertThat(availability.get("previous")).isEqualTo("99.9");
        assertThat(availability.get("target")).isEqualTo("99");
        assertThat(row(rows, "performance", "response_time_p95").get("value")).isEqualTo("180");
        assertThat(row(rows, "performance", "requests").get("value")).isEqualTo("267840000");
        CSVRecord budget = row(rows, "budget", "Response time (avg)");
        assertThat(budget.get("value")).isEqualTo("47.5");
        assertThat(budget.get("target")).isEqualTo("200");
        assertThat(row(rows, "error_budget", "burn_rate").get("value")).isEqualTo("0.5");
        assertThat(row(rows, "error_budget", "remaining").get("value")).isEqualTo("50");
        assertThat(row(rows, "goal", "short/response_p95_ms").get("detail")).isEqualTo("met by 320");
        assertThat(row(rows, "goal", "medium/availability_pct").get("detail")).isEqualTo("missed by 0.04");
        assertThat(row(rows, "incidents", "critical").get("value")).isEqualTo("2");
        assertThat(row(rows, "incidents", "mtta").get("value")).isEqualTo("4.5");
        assertThat(row(rows, "incidents", "rca_within_24h").get("value")).isEqualTo("66.666667");
        assertThat(row(rows, "ci", "runs").get("value")).isEqualTo("4464");
        assertThat(row(rows, "trend", "overall").get("value")).isEqualTo("IMPROVING");
        assertThat(rows.stream().filter(r -> r.get("section").equals("chart:p95 response time")).toList())
                .extracting(r -> r.get("value")).containsExactly("180", "820", "175");
    }

    @Test
    void aTitleWithCommasAndQuotesSurvivesTheRoundTrip() throws IOException {
        Report fixture = ReportFixtures.checkoutOctober();
        Report odd = new Report("Report, \"quoted\"", fixture.period(), fixture.service(), fixture.start(),
                fixture.end(), fixture.zone(), fixture.from(), fixture.to(), fixture.generatedAt(),
                fixture.resolution(), fixture.performance(), fixture.previous(), fixture.trend(), fixture.targets(),
                fixture.budgets(), fixture.errorBudget(), fixture.goals(), fixture.incidents(), fixture.ci(),
                fixture.services(), fixture.charts());

        assertThat(row(parse(ReportCsv.render(odd)), "report", "title").get("value")).isEqualTo("Report, \"quoted\"");
    }

    static List<CSVRecord> parse(byte[] csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly(ReportCsv.HEADER);
            return parser.getRecords();
        }
    }

    static CSVRecord row(List<CSVRecord> rows, String section, String item) {
        return rows.stream().filter(r -> r.get("section").equals(section) && r.get("item").equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + section + "/" + item));
    }
}

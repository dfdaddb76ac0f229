package dev.vigil.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportPdfTests {

    @Test
    void thePdfCarriesTheFiguresBudgetsGoalsIncidentsAndCharts() throws IOException {
        byte[] pdf = ReportPdf.render(ReportFixtures.checkoutOctober());

        String text = text(pdf);
        assertThat(text).contains("Monthly report · checkout · October 2026")
                .contains("2026-10-01 to 2026-10-31 (Europe/Berlin)")
                .contains("Availability 99.950 % 99.900 % >= 99.000 %")
                .contains("Response time p95 180 ms 230 ms <= 500 ms")
                .contains("Throughput sustained (busiest hour) 104 req/s")
                .contains("Requests 267,840,000 265,000,000")
                .contains("Response time (avg) 95.0 ms 200 ms 47.50 %")
                .contains("0.10 % 0.05 % 50.00 % 0.50 x")
                .contains("Keep p95 under 500 ms <= 500 ms 180 ms met by 320 ms")
                .contains("missed by 0.04 %")
                .contains("MTTA (mean time to acknowledge) 5 min")
                .contains("Longest INC-7, 1 h 35 min: Checkout p95 over 500 ms")
                .contains("RCAs within 24 h 66.67 % of 3 due")
                .contains("2 open, 5 done")
                .contains("p95 response time (ms), target 500 ms")
                .contains("Error rate (%), target 1.00 %")
                .contains("Trend: improving.");
    }

    @Test
    void symbolsTheStandardFontCannotWriteAreSpelledOut() {
        assertThat(PdfPages.safe("p95 ≤ 500 ms → ok ≥ 1 · 47.5 % – fine")).isEqualTo("p95 <= 500 ms -> ok >= 1 · 47.5 % – fine");
        assertThat(PdfPages.safe("日本")).isEqualTo("??");
    }

    @Test
    void anOverallReportListsEveryServiceAndStartsNewPagesAsNeeded() throws IOException {
        Report one = ReportFixtures.checkoutOctober();
        List<Report.ServiceLine> lines = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> new Report.ServiceLine("service-" + i, 99.9, 200.0, 0.5, 1000L, 47.5, 50.0, 1, 2, i))
                .toList();
        Report overall = new Report("Monthly report · all services · October 2026", one.period(), null, one.start(),
                one.end(), one.zone(), one.from(), one.to(), one.generatedAt(), one.resolution(), one.performance(),
                one.previous(), one.trend(), null, List.of(), null, List.of(), one.incidents(), null, lines,
                one.charts());

        byte[] pdf = ReportPdf.render(overall);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(text(pdf)).contains("service-0 99.900 % 200 ms 0.50 % 47.50 % 50.00 % 1 / 2 0")
                .contains("service-59");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\n', ' ').replace("\r", "").replaceAll(" +", " ");
        }
    }
}

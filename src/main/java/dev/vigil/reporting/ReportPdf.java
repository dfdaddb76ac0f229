package dev.vigil.reporting;

import static dev.vigil.reporting.ReportText.figure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.reporting.Report.Chart;
import dev.vigil.reporting.Report.Performance;

/**
 * A report as PDF (Apache PDFBox): headline figures against the previous period and the targets,
 * budgets, error budget, goals, incident analysis, CI, the services (overall report) and the charts.
 */
final class ReportPdf {

    private ReportPdf() {
    }

    static byte[] render(Report r) {
        try (PdfPages pdf = new PdfPages()) {
            pdf.heading(r.title(), 16);
            pdf.paragraph(r.start() + " to " + r.end() + " (" + r.zone() + ") · generated "
                    + ReportText.time(r.generatedAt(), r.zone()) + " · from " + (r.resolution() == null ? "no"
                    : r.resolution()) + " rollups", 9, PdfPages.MUTED);
            if (r.trend() != null) {
                pdf.paragraph("Trend: " + (r.trend().direction() == null ? "no previous data"
                        : r.trend().direction().name().toLowerCase()) + ". Rule: " + r.trend().rule(), 9,
                        PdfPages.MUTED);
            }
            pdf.heading("Performance", 12);
            pdf.table(new float[] {3, 2, 2, 2}, performance(r.performance(), r.previous(), r.targets()), 9);
            if (!r.budgets().isEmpty()) {
                pdf.heading("Performance budgets", 12);
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"Budget", "Current", "Budget", "Used"});
                r.budgets().forEach(b -> rows.add(new String[] {b.name(), figure(b.current(), b.unit()),
                        figure(b.budget(), b.unit()), figure(b.utilisationPct(), "%")}));
                pdf.table(new float[] {3, 2, 2, 2}, rows, 9);
            }
            if (r.errorBudget() != null) {
                var eb = r.errorBudget();
                pdf.heading("Error budget (SLO " + figure(eb.sloPct(), "%") + ")", 12);
                pdf.table(new float[] {3, 2, 2, 2}, List.of(new String[] {"Allowed bad", "Bad", "Remaining", "Burn rate"},
                        new String[] {figure(eb.allowedBadPct(), "%"), figure(eb.badPct(), "%"),
                                figure(eb.remainingPct(), "%"), figure(eb.burnRate(), "x")}), 9);
            }
            if (!r.goals().isEmpty()) {
                pdf.heading("Goals", 12);
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"Term", "Goal", "Target", "Actual", "Status"});
                r.goals().forEach(g -> rows.add(new String[] {g.term().apiName(),
                        g.note() == null || g.note().isBlank() ? g.kpi().apiName() : g.note(),
                        (g.kpi().higherIsBetter() ? ">= " : "<= ") + figure(g.target(), g.unit()),
                        figure(g.actual(), g.unit()), g.met() == null ? "no data"
                                : (g.met() ? "met" : "missed") + " by " + figure(Math.abs(g.distance()), g.unit())}));
                pdf.table(new float[] {1.2f, 4, 1.8f, 1.8f, 2.2f}, rows, 9);
            }
            incidents(pdf, r.incidents());
            if (r.ci() != null) {
                pdf.heading("CI", 12);
                pdf.table(new float[] {2, 2, 2, 2, 1}, List.of(
                        new String[] {"Build", "Tests", "Deploy", "Success rate", "Runs"},
                        new String[] {figure(r.ci().buildTimeS(), "s"), figure(r.ci().testTimeS(), "s"),
                                figure(r.ci().deployTimeS(), "s"), figure(r.ci().successRatePct(), "%"),
                                ReportText.count(r.ci().runs())}), 9);
            }
            if (!r.services().isEmpty()) {
                pdf.heading("Services", 12);
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"Service", "Availability", "p95", "Error rate", "Budget used", "Error budget left",
                        "Goals met", "Incidents"});
                r.services().forEach(s -> rows.add(new String[] {s.service(), figure(s.availabilityPct(), "%"),
                        figure(s.p95Ms(), "ms"), figure(s.errorRatePct(), "%"), figure(s.responseBudgetPct(), "%"),
                        figure(s.errorBudgetRemainingPct(), "%"), s.goalsMet() + " / " + s.goalsJudged(),
                        String.valueOf(s.incidents())}));
                pdf.table(new float[] {2.4f, 1.6f, 1.3f, 1.3f, 1.4f, 1.6f, 1.2f, 1.1f}, rows, 8);
            }
            pdf.heading("Charts", 12);
            for (Chart chart : r.charts()) {
                PdfChart.draw(pdf, chart, r.from(), r.to(), r.zone());
            }
            return pdf.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> performance(Performance p, Performance was, ServiceTargets t) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Figure", "This period", "Previous", "Target"});
        rows.add(new String[] {"Availability", figure(p.availabilityPct(), "%"), figure(was.availabilityPct(), "%"),
                t == null ? "" : ">= " + figure(t.availabilityTargetPct(), "%")});
        rows.add(new String[] {"Response time avg", figure(p.responseTime().avgMs(), "ms"),
                figure(was.responseTime().avgMs(), "ms"), t == null ? "" : "budget " + figure(t.responseTimeBudgetMs(), "ms")});
        rows.add(new String[] {"Response time p95", figure(p.responseTime().p95Ms(), "ms"),
                figure(was.responseTime().p95Ms(), "ms"), t == null ? "" : "<= " + figure(t.p95TargetMs(), "ms")});
        rows.add(new String[] {"Response time p99", figure(p.responseTime().p99Ms(), "ms"),
                figure(was.responseTime().p99Ms(), "ms"), ""});
        rows.add(new String[] {"Response time max", figure(p.responseTime().maxMs(), "ms"),
                figure(was.responseTime().maxMs(), "ms"), ""});
        rows.add(new String[] {"Throughput avg", figure(p.throughput().avgRps(), "req/s"),
                figure(was.throughput().avgRps(), "req/s"), ""});
        rows.add(new String[] {"Throughput peak", figure(p.throughput().peakRps(), "req/s"),
                figure(was.throughput().peakRps(), "req/s"), t == null || t.throughputCapacityRps() == null ? ""
                        : "capacity " + figure(t.throughputCapacityRps(), "req/s")});
        rows.add(new String[] {"Throughput sustained (busiest hour)", figure(p.throughput().sustainedRps(), "req/s"),
                figure(was.throughput().sustainedRps(), "req/s"), ""});
        rows.add(new String[] {"Error rate", figure(p.errorRates().overallPct(), "%"),
                figure(was.errorRates().overallPct(), "%"), t == null ? "" : "<= " + figure(t.errorRateTargetPct(), "%")});
        rows.add(new String[] {"Errors 4xx", figure(p.errorRates().client4xxPct(), "%"),
                figure(was.errorRates().client4xxPct(), "%"), ""});
        rows.add(new String[] {"Errors 5xx", figure(p.errorRates().server5xxPct(), "%"),
                figure(was.errorRates().server5xxPct(), "%"), ""});
        rows.add(new String[] {"Timeouts", figure(p.errorRates().timeoutPct(), "%"),
                figure(was.errorRates().timeoutPct(), "%"), ""});
        rows.add(new String[] {"Requests", ReportText.count(p.requests()), ReportText.count(was.requests()), ""});
        return rows;
    }

    private static void incidents(PdfPages pdf, Report.Incidents i) throws IOException {
        pdf.heading("Incidents", 12);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Figure", "Value"});
        rows.add(new String[] {"Incidents", String.valueOf(i.total())});
        for (Map.Entry<String, Integer> e : i.bySeverity().entrySet()) {
            rows.add(new String[] {"  " + e.getKey(), String.valueOf(e.getValue())});
        }
        rows.add(new String[] {"MTTA (mean time to acknowledge)", ReportText.minutes(i.mttaMinutes())});
        rows.add(new String[] {"MTTR (mean time to resolve)", ReportText.minutes(i.mttrMinutes())});
        rows.add(new String[] {"Longest", i.longest() == null ? ReportText.NO_DATA : i.longest().id() + ", "
                + ReportText.minutes(i.longest().minutes()) + (i.longest().open() ? " (still open)" : "") + ": "
                + i.longest().title()});
        rows.add(new String[] {"RCAs within 24 h", figure(i.rcaWithin24hPct(), "%") + " of " + i.rcasCounted()
                + " due"});
        rows.add(new String[] {"Prevention measures", i.measuresOpen() + " open, " + i.measuresDone() + " done"});
        pdf.table(new float[] {3, 5}, rows, 9);
    }
}

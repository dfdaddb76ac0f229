package dev.vigil.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.vigil.reporting.Report.Chart;
import dev.vigil.reporting.Report.Performance;
import dev.vigil.reporting.Report.ServiceLine;

/**
 * A report as CSV in long form, one figure per row, so a spreadsheet can filter by section:
 * {@code section,item,value,unit,previous,target,detail}. Numbers are plain (no units, dot decimals);
 * empty means no data. The hourly chart data follow as {@code chart:<name>} rows.
 */
final class ReportCsv {

    static final String[] HEADER = {"section", "item", "value", "unit", "previous", "target", "detail"};

    private ReportCsv() {
    }

    static byte[] render(Report r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            csv.printRecord("report", "title", r.title(), "", "", "", "");
            csv.printRecord("report", "period", r.period().apiName(), "", "", "", "");
            csv.printRecord("report", "service", r.service() == null ? "" : r.service(), "", "", "", "");
            csv.printRecord("report", "from", r.from(), "", "", "", r.start());
            csv.printRecord("report", "to", r.to(), "", "", "", r.end());
            csv.printRecord("report", "zone", r.zone(), "", "", "", "");
            csv.printRecord("report", "generated_at", r.generatedAt(), "", "", "", "");
            csv.printRecord("report", "resolution", r.resolution() == null ? "" : r.resolution(), "", "", "", "");
            performance(csv, r.performance(), r.previous(), r.targets());
            if (r.trend() != null) {
                csv.printRecord("trend", "overall", r.trend().direction() == null ? "" : r.trend().direction(), "", "",
                        "", r.trend().rule());
                for (Report.KpiTrend k : r.trend().kpis()) {
                    csv.printRecord("trend", k.kpi().apiName(), k.direction() == null ? "" : k.direction(), "%",
                            ReportText.plain(k.previous()), "", ReportText.plain(k.changePct()));
                }
            }
            for (Report.BudgetUse b : r.budgets()) {
                csv.printRecord("budget", b.name(), ReportText.plain(b.utilisationPct()), "%", "",
                        ReportText.plain(b.budget()), ReportText.plain(b.current()) + " " + b.unit());
            }
            if (r.errorBudget() != null) {
                var eb = r.errorBudget();
                csv.printRecord("error_budget", "slo", ReportText.plain(eb.sloPct()), "%", "", "", "");
                csv.printRecord("error_budget", "allowed_bad", ReportText.plain(eb.allowedBadPct()), "%", "", "", "");
                csv.printRecord("error_budget", "bad", ReportText.plain(eb.badPct()), "%", "", "", "");
                csv.printRecord("error_budget", "remaining", ReportText.plain(eb.remainingPct()), "%", "", "", "");
                csv.printRecord("error_budget", "burn_rate", ReportText.plain(eb.burnRate()), "x", "", "", "");
            }
            for (Report.GoalResult g : r.goals()) {
                String status = g.met() == null ? "no data" : g.met() ? "met" : "missed";
                csv.printRecord("goal", g.term().apiName() + "/" + g.kpi().apiName(), ReportText.plain(g.actual()),
                        g.unit(), "", ReportText.plain(g.target()),
                        status + (g.distance() == null ? "" : " by " + ReportText.plain(Math.abs(g.distance()))));
            }
            incidents(csv, r.incidents());
            if (r.ci() != null) {
                csv.printRecord("ci", "build_time", ReportText.plain(r.ci().buildTimeS()), "s", "", "", "");
                csv.printRecord("ci", "test_time", ReportText.plain(r.ci().testTimeS()), "s", "", "", "");
                csv.printRecord("ci", "deploy_time", ReportText.plain(r.ci().deployTimeS()), "s", "", "", "");
                csv.printRecord("ci", "success_rate", ReportText.plain(r.ci().successRatePct()), "%", "", "", "");
                csv.printRecord("ci", "runs", r.ci().runs(), "", "", "", "");
            }
            for (ServiceLine s : r.services()) {
                String at = s.service() + "/";
                csv.printRecord("service", at + "availability", ReportText.plain(s.availabilityPct()), "%", "", "", "");
                csv.printRecord("service", at + "response_time_p95", ReportText.plain(s.p95Ms()), "ms", "", "", "");
                csv.printRecord("service", at + "error_rate", ReportText.plain(s.errorRatePct()), "%", "", "", "");
                csv.printRecord("service", at + "requests", s.requests() == null ? "" : s.requests(), "", "", "", "");
                csv.printRecord("service", at + "response_budget_use", ReportText.plain(s.responseBudgetPct()), "%",
                        "", "", "");
                csv.printRecord("service", at + "error_budget_remaining", ReportText.plain(s.errorBudgetRemainingPct()),
                        "%", "", "", "");
                csv.printRecord("service", at + "goals_met", s.goalsMet(), "", "", s.goalsJudged(), "");
                csv.printRecord("service", at + "incidents", s.incidents(), "", "", "", "");
            }
            for (Chart c : r.charts()) {
                for (double[] p : c.points()) {
                    csv.printRecord("chart:" + c.name(), Instant.ofEpochMilli((long) p[0]), ReportText.plain(p[1]),
                            c.unit(), "", ReportText.plain(c.target()), "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void performance(CSVPrinter csv, Performance p, Performance was, ServiceTargets t)
            throws IOException {
        row(csv, "availability", p.availabilityPct(), "%", was.availabilityPct(),
                t == null ? null : t.availabilityTargetPct());
        row(csv, "response_time_avg", p.responseTime().avgMs(), "ms", was.responseTime().avgMs(),
                t == null ? null : t.responseTimeBudgetMs());
        row(csv, "response_time_p95", p.responseTime().p95Ms(), "ms", was.responseTime().p95Ms(),
                t == null ? null : t.p95TargetMs());
        row(csv, "response_time_p99", p.responseTime().p99Ms(), "ms", was.responseTime().p99Ms(), null);
        row(csv, "response_time_max", p.responseTime().maxMs(), "ms", was.responseTime().maxMs(), null);
        row(csv, "throughput_avg", p.throughput().avgRps(), "req/s", was.throughput().avgRps(), null);
        row(csv, "throughput_peak", p.throughput().peakRps(), "req/s", was.throughput().peakRps(),
                t == null ? null : t.throughputCapacityRps());
        row(csv, "throughput_sustained", p.throughput().sustainedRps(), "req/s", was.throughput().sustainedRps(), null);
        row(csv, "error_rate", p.errorRates().overallPct(), "%", was.errorRates().overallPct(),
                t == null ? null : t.errorRateTargetPct());
        row(csv, "error_rate_4xx", p.errorRates().client4xxPct(), "%", was.errorRates().client4xxPct(), null);
        row(csv, "error_rate_5xx", p.errorRates().server5xxPct(), "%", was.errorRates().server5xxPct(), null);
        row(csv, "error_rate_timeouts", p.errorRates().timeoutPct(), "%", was.errorRates().timeoutPct(), null);
        csv.printRecord("performance", "requests", p.requests() == null ? "" : p.requests(), "",
                was.requests() == null ? "" : was.requests(), "", "");
    }

    private static void incidents(CSVPrinter csv, Report.Incidents i) throws IOException {
        csv.printRecord("incidents", "total", i.total(), "", "", "", "");
        for (Map.Entry<String, Integer> e : i.bySeverity().entrySet()) {
            csv.printRecord("incidents", e.getKey(), e.getValue(), "", "", "", "");
        }
        csv.printRecord("incidents", "mtta", ReportText.plain(i.mttaMinutes()), "min", "", "", "");
        csv.printRecord("incidents", "mttr", ReportText.plain(i.mttrMinutes()), "min", "", "", "");
        if (i.longest() != null) {
            csv.printRecord("incidents", "longest", ReportText.plain(i.longest().minutes()), "min", "", "",
                    i.longest().id() + (i.longest().open() ? " (still open)" : "") + " " + i.longest().title());
        }
        csv.printRecord("incidents", "rca_within_24h", ReportText.plain(i.rcaWithin24hPct()), "%", "", "",
                i.rcasCounted() + " RCA(s) due");
        csv.printRecord("incidents", "prevention_open", i.measuresOpen(), "", "", "", "");
        csv.printRecord("incidents", "prevention_done", i.measuresDone(), "", "", "", "");
    }

    private static void row(CSVPrinter csv, String item, Double value, String unit, Double previous, Double target)
            throws IOException {
        csv.printRecord("performance", item, ReportText.plain(value), unit, ReportText.plain(previous),
                ReportText.plain(target), "");
    }
}

package dev.vigil.reporting.ui;

import static dev.vigil.reporting.ReportText.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.vigil.base.ui.TimeSeriesChart;
import dev.vigil.reporting.Report;
import dev.vigil.reporting.ReportText;

/**
 * One report on screen: headline tiles, the tables of {@link ReportTables} and the charts. Works at
 * 360 px: tiles wrap, tables drop their secondary columns, charts take the full width.
 */
class ReportPanel extends VerticalLayout {

    /** {@code auditUrl}: the period's audit log, for admins looking at an overall report; null hides it. */
    ReportPanel(Report r, String pdfUrl, String csvUrl, String auditUrl, Consumer<String> openService) {
        setPadding(false);
        setWidthFull();
        addClassName("vigil-report");
        H3 title = new H3(r.title());
        title.setId("report-title");
        title.getStyle().set("overflow-wrap", "anywhere").set("margin", "0");
        Span meta = new Span(r.start() + " to " + r.end() + " (" + r.zone() + ") · generated "
                + ReportText.time(r.generatedAt(), r.zone()) + (r.resolution() == null ? "" : " · from "
                + r.resolution() + " rollups"));
        meta.addClassName("vigil-hint");
        add(title, meta, downloads(pdfUrl, csvUrl, auditUrl), tiles(r));
        add(section("Performance"), ReportTables.performance(r));
        if (!r.budgets().isEmpty()) {
            add(section("Performance budgets"), ReportTables.budgets(r));
        }
        if (!r.goals().isEmpty()) {
            add(section("Goals"), ReportTables.goals(r));
        }
        add(section("Incidents"), incidents(r.incidents()));
        if (r.ci() != null) {
            add(section("CI"), facts(List.of(fact("Build", figure(r.ci().buildTimeS(), "s")),
                    fact("Tests", figure(r.ci().testTimeS(), "s")), fact("Deploy", figure(r.ci().deployTimeS(), "s")),
                    fact("Success rate", figure(r.ci().successRatePct(), "%")),
                    fact("Runs", ReportText.count(r.ci().runs())))));
        }
        if (!r.services().isEmpty()) {
            add(section("Services"), ReportTables.services(r, openService));
        }
        add(section("Charts"));
        for (Report.Chart c : r.charts()) {
            add(chart(r, c));
        }
        if (r.trend() != null) {
            Paragraph rule = new Paragraph("Trend rule: " + r.trend().rule());
            rule.addClassName("vigil-hint");
            add(rule);
        }
    }

    private static Component downloads(String pdfUrl, String csvUrl, String auditUrl) {
        List<Anchor> anchors = new ArrayList<>();
        anchors.add(download("report-pdf", pdfUrl, "Download PDF"));
        anchors.add(download("report-csv", csvUrl, "Download CSV"));
        if (auditUrl != null) {
            anchors.add(download("report-audit", auditUrl, "Audit log of the period (CSV)"));
        }
        FlexLayout links = new FlexLayout(anchors.toArray(Anchor[]::new));
        links.addClassName("vigil-actions");
        return links;
    }

    private static Anchor download(String id, String url, String text) {
        Anchor a = new Anchor(url, text);
        a.setId(id);
        a.setRouterIgnore(true);
        a.setTarget(AnchorTarget.BLANK);
        return a;
    }

    private static Component tiles(Report r) {
        Report.Performance p = r.performance();
        List<Component> tiles = new ArrayList<>();
        tiles.add(fact("Availability", figure(p.availabilityPct(), "%")));
        tiles.add(fact("p95 response time", figure(p.responseTime().p95Ms(), "ms")));
        tiles.add(fact("Error rate", figure(p.errorRates().overallPct(), "%")));
        tiles.add(fact("Throughput (avg)", figure(p.throughput().avgRps(), "req/s")));
        if (r.errorBudget() != null) {
            tiles.add(fact("Error budget left", figure(r.errorBudget().remainingPct(), "%")));
            tiles.add(fact("Burn rate", figure(r.errorBudget().burnRate(), "x")));
        }
        String trend = r.trend() == null || r.trend().direction() == null ? "no previous data"
                : r.trend().direction().name().toLowerCase();
        Component trendTile = fact("Trend", trend);
        trendTile.setId("report-trend");
        tiles.add(trendTile);
        return facts(tiles);
    }

    private static Component incidents(Report.Incidents i) {
        List<Component> facts = new ArrayList<>();
        facts.add(fact("Incidents", String.valueOf(i.total())));
        i.bySeverity().forEach((severity, n) -> facts.add(fact(severity, String.valueOf(n))));
        facts.add(fact("MTTA", ReportText.minutes(i.mttaMinutes())));
        facts.add(fact("MTTR", ReportText.minutes(i.mttrMinutes())));
        facts.add(fact("Longest", i.longest() == null ? ReportText.NO_DATA : i.longest().id() + " · "
                + ReportText.minutes(i.longest().minutes()) + (i.longest().open() ? " (open)" : "")));
        facts.add(fact("RCAs within 24 h", figure(i.rcaWithin24hPct(), "%") + " of " + i.rcasCounted()));
        facts.add(fact("Prevention measures", i.measuresOpen() + " open · " + i.measuresDone() + " done"));
        return facts(facts);
    }

    private static Component chart(Report r, Report.Chart c) {
        Div box = new Div();
        box.setWidthFull();
        box.add(new H4(c.name() + " (" + c.unit() + ")"));
        TimeSeriesChart chart = new TimeSeriesChart();
        chart.setHeight("240px");
        List<TimeSeriesChart.Threshold> thresholds = c.target() == null ? List.of()
                : List.of(new TimeSeriesChart.Threshold("target", c.target(), "#c62828"));
        chart.show(List.of(new TimeSeriesChart.Line(c.name(), c.points())), thresholds, c.unit(), r.from(), r.to());
        box.add(chart);
        return box;
    }

    private static H4 section(String text) {
        H4 heading = new H4(text);
        heading.getStyle().set("margin", "var(--lumo-space-m) 0 0");
        return heading;
    }

    static Div facts(List<Component> facts) {
        Div grid = new Div();
        grid.addClassName("vigil-facts");
        grid.setWidthFull();
        facts.forEach(grid::add);
        return grid;
    }

    static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("vigil-fact-label");
        Span v = new Span(value);
        Div fact = new Div(l, v);
        fact.addClassName("vigil-fact");
        return fact;
    }
}

package dev.vigil.reporting.ui;

import static dev.vigil.reporting.ReportText.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import dev.vigil.base.ui.WindowWidth;
import dev.vigil.reporting.Report;
import dev.vigil.reporting.Report.Performance;
import dev.vigil.reporting.ReportText;
import dev.vigil.reporting.ServiceTargets;

/**
 * The report's tables as grids that show every row. Below {@value #NARROW_PX} px their secondary
 * columns hide (grid columns live in shadow DOM, out of a stylesheet's reach), so a phone never
 * scrolls sideways.
 */
final class ReportTables {

    static final int NARROW_PX = 600;

    private ReportTables() {
    }

    /** One row of a table: up to five cells. */
    record Row(String a, String b, String c, String d, String e) {
    }

    static Grid<Row> performance(Report r) {
        Performance p = r.performance();
        Performance was = r.previous();
        ServiceTargets t = r.targets();
        List<Row> rows = new ArrayList<>();
        rows.add(row("Availability", figure(p.availabilityPct(), "%"), figure(was.availabilityPct(), "%"),
                t == null ? "" : "≥ " + figure(t.availabilityTargetPct(), "%")));
        rows.add(row("Response time avg", figure(p.responseTime().avgMs(), "ms"), figure(was.responseTime().avgMs(), "ms"),
                t == null ? "" : "budget " + figure(t.responseTimeBudgetMs(), "ms")));
        rows.add(row("Response time p95", figure(p.responseTime().p95Ms(), "ms"), figure(was.responseTime().p95Ms(), "ms"),
                t == null ? "" : "≤ " + figure(t.p95TargetMs(), "ms")));
        rows.add(row("Response time p99", figure(p.responseTime().p99Ms(), "ms"),
                figure(was.responseTime().p99Ms(), "ms"), ""));
        rows.add(row("Response time max", figure(p.responseTime().maxMs(), "ms"),
                figure(was.responseTime().maxMs(), "ms"), ""));
        rows.add(row("Throughput avg", figure(p.throughput().avgRps(), "req/s"), figure(was.throughput().avgRps(),
                "req/s"), ""));
        rows.add(row("Throughput peak", figure(p.throughput().peakRps(), "req/s"), figure(was.throughput().peakRps(),
                "req/s"), t == null || t.throughputCapacityRps() == null ? ""
                        : "capacity " + figure(t.throughputCapacityRps(), "req/s")));
        rows.add(row("Throughput sustained", figure(p.throughput().sustainedRps(), "req/s"),
                figure(was.throughput().sustainedRps(), "req/s"), "busiest hour"));
        rows.add(row("Error rate", figure(p.errorRates().overallPct(), "%"), figure(was.errorRates().overallPct(), "%"),
                t == null ? "" : "≤ " + figure(t.errorRateTargetPct(), "%")));
        rows.add(row("Errors 4xx", figure(p.errorRates().client4xxPct(), "%"),
                figure(was.errorRates().client4xxPct(), "%"), ""));
        rows.add(row("Errors 5xx", figure(p.errorRates().server5xxPct(), "%"),
                figure(was.errorRates().server5xxPct(), "%"), ""));
        rows.add(row("Timeouts", figure(p.errorRates().timeoutPct(), "%"), figure(was.errorRates().timeoutPct(), "%"),
                ""));
        rows.add(row("Requests", ReportText.count(p.requests()), ReportText.count(was.requests()), ""));
        Grid<Row> grid = grid("report-performance", rows);
        grid.addColumn(Row::a).setHeader("Figure").setKey("figure").setFlexGrow(2);
        grid.addColumn(Row::b).setHeader("This period").setKey("current").setFlexGrow(1);
        Grid.Column<Row> previous = grid.addColumn(Row::c).setHeader("Previous").setKey("previous").setFlexGrow(1);
        Grid.Column<Row> target = grid.addColumn(Row::d).setHeader("Target").setKey("target").setFlexGrow(1);
        narrow(grid, List.of(previous, target));
        return grid;
    }

    static Grid<Row> budgets(Report r) {
        List<Row> rows = r.budgets().stream().map(b -> new Row(b.name(), figure(b.utilisationPct(), "%"),
                figure(b.current(), b.unit()), figure(b.budget(), b.unit()), "")).toList();
        Grid<Row> grid = grid("report-budgets", rows);
        grid.addColumn(Row::a).setHeader("Budget").setKey("name").setFlexGrow(2);
        grid.addColumn(Row::b).setHeader("Used").setKey("used").setFlexGrow(1);
        Grid.Column<Row> current = grid.addColumn(Row::c).setHeader("Current").setKey("current").setFlexGrow(1);
        Grid.Column<Row> budget = grid.addColumn(Row::d).setHeader("Budget").setKey("budget").setFlexGrow(1);
        narrow(grid, List.of(current, budget));
        return grid;
    }

    static Grid<Row> goals(Report r) {
        List<Row> rows = r.goals().stream().map(g -> new Row(g.term().apiName(),
                g.note() == null || g.note().isBlank() ? g.kpi().apiName() : g.note(),
                (g.kpi().higherIsBetter() ? "≥ " : "≤ ") + figure(g.target(), g.unit()), figure(g.actual(), g.unit()),
                g.met() == null ? "no data" : (g.met() ? "met" : "missed") + " by "
                        + figure(Math.abs(g.distance()), g.unit()))).toList();
        Grid<Row> grid = grid("report-goals", rows);
        Grid.Column<Row> term = grid.addColumn(Row::a).setHeader("Term").setKey("term").setFlexGrow(0)
                .setWidth("6rem");
        grid.addColumn(Row::b).setHeader("Goal").setKey("goal").setFlexGrow(2);
        Grid.Column<Row> target = grid.addColumn(Row::c).setHeader("Target").setKey("target").setFlexGrow(1);
        Grid.Column<Row> actual = grid.addColumn(Row::d).setHeader("Actual").setKey("actual").setFlexGrow(1);
        grid.addColumn(Row::e).setHeader("Status").setKey("status").setFlexGrow(1);
        narrow(grid, List.of(term, target, actual));
        return grid;
    }

    static Grid<Report.ServiceLine> services(Report r, Consumer<String> open) {
        Grid<Report.ServiceLine> grid = new Grid<>();
        grid.setId("report-services");
        grid.setItems(r.services());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(Report.ServiceLine::service).setHeader("Service").setKey("service").setFlexGrow(2);
        grid.addColumn(s -> figure(s.availabilityPct(), "%")).setHeader("Availability").setKey("availability");
        Grid.Column<Report.ServiceLine> p95 = grid.addColumn(s -> figure(s.p95Ms(), "ms")).setHeader("p95")
                .setKey("p95");
        grid.addColumn(s -> figure(s.errorRatePct(), "%")).setHeader("Error rate").setKey("errors");
        Grid.Column<Report.ServiceLine> goals = grid.addColumn(s -> s.goalsMet() + " / " + s.goalsJudged())
                .setHeader("Goals met").setKey("goals");
        Grid.Column<Report.ServiceLine> incidents = grid.addColumn(s -> String.valueOf(s.incidents()))
                .setHeader("Incidents").setKey("incidents");
        grid.addItemClickListener(e -> open.accept(e.getItem().service()));
        WindowWidth.follow(grid, width -> List.of(p95, goals, incidents).forEach(c -> c.setVisible(width >= NARROW_PX)));
        return grid;
    }

    private static Row row(String figure, String current, String previous, String target) {
        return new Row(figure, current, previous, target, "");
    }

    private static Grid<Row> grid(String id, List<Row> rows) {
        Grid<Row> grid = new Grid<>();
        grid.setId(id);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        return grid;
    }

    private static void narrow(Grid<Row> grid, List<Grid.Column<Row>> secondary) {
        WindowWidth.follow(grid, width -> secondary.forEach(c -> c.setVisible(width >= NARROW_PX)));
    }
}

package dev.vigil.reporting.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;
import dev.vigil.base.ui.WindowWidth;
import dev.vigil.reporting.ArchivedReport;
import dev.vigil.reporting.Period;
import dev.vigil.reporting.Report;
import dev.vigil.reporting.ReportText;
import dev.vigil.reporting.ReportingManagement;

/**
 * Reports: pick a period (daily, weekly, monthly and a day in it) and a service or all of them; or open
 * a report from the archive ({@code /reports?archive=ID}, the link scheduled reports are announced
 * with). The URL holds the choice, so a report can be bookmarked and shared.
 */
@Route("reports")
@PageTitle("Reports · Vigil")
@RolesAllowed("MANAGER")
class ReportsView extends VerticalLayout implements BeforeEnterObserver {

    static final String ALL = "All services";
    private final ReportingManagement reporting;
    private final AuthenticationContext authentication;
    private final Select<Period> period = new Select<>();
    private final DatePicker date = new DatePicker("Day in the period");
    private final ComboBox<String> service = new ComboBox<>("Service");
    private final Div content = new Div();
    private boolean updating;

    ReportsView(ReportingManagement reporting, AuthenticationContext authentication) {
        this.reporting = reporting;
        this.authentication = authentication;
        addClassName("vigil-view");
        RouterLink targets = new RouterLink("Targets and goals", TargetsView.class);
        targets.setId("targets-link");
        FlexLayout heading = new FlexLayout(new H2("Reports"), targets);
        heading.addClassName("vigil-actions");
        heading.getStyle().set("justify-content", "space-between");
        heading.setWidthFull();
        content.setWidthFull();
        add(heading, pickers(), content, new H3("Archive"), archive());
    }

    private FlexLayout pickers() {
        period.setLabel("Period");
        period.setId("report-period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> switch (p) {
            case DAILY -> "Daily";
            case WEEKLY -> "Weekly";
            case MONTHLY -> "Monthly";
        });
        date.setId("report-date");
        date.setMax(LocalDate.now(reporting.zone()));
        date.setHelperText("Empty: the last complete period");
        date.setClearButtonVisible(true);
        service.setId("report-service");
        List<String> services = new ArrayList<>();
        services.add(ALL);
        services.addAll(reporting.services());
        service.setItems(services);
        period.addValueChangeListener(e -> go());
        date.addValueChangeListener(e -> go());
        service.addValueChangeListener(e -> go());
        FlexLayout pickers = new FlexLayout(period, date, service);
        pickers.addClassName("vigil-actions");
        pickers.setWidthFull();
        for (com.vaadin.flow.component.Component c : new com.vaadin.flow.component.Component[] {period, date, service}) {
            c.getStyle().set("flex", "1 1 12rem").set("min-width", "0");
        }
        return pickers;
    }

    private Grid<ArchivedReport> archive() {
        Grid<ArchivedReport> grid = new Grid<>();
        grid.setId("report-archive");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setHeight("22rem");
        grid.addColumn(ArchivedReport::title).setHeader("Report").setKey("title").setFlexGrow(3);
        Grid.Column<ArchivedReport> generated = grid.addColumn(a -> ReportText.time(a.generatedAt(), a.zone()))
                .setHeader("Generated").setKey("generated").setFlexGrow(1);
        grid.setItems(query -> reporting.archive(query.getPage(), query.getPageSize()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, reporting.archiveCount()));
        grid.addItemClickListener(e -> navigate(Map.of("archive", String.valueOf(e.getItem().id()))));
        WindowWidth.follow(grid, width -> generated.setVisible(width >= ReportTables.NARROW_PX));
        return grid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        Optional<String> archived = first(params, "archive");
        content.removeAll();
        try {
            if (archived.isPresent()) {
                showArchived(archived.get());
            } else {
                showLive(params);
            }
        } catch (InvalidRequestException e) {
            problem(e.violations().isEmpty() ? e.getMessage()
                    : String.join("; ", e.violations().stream().map(v -> v.pointer().substring(1) + " " + v.reason())
                            .toList()));
        } catch (NotFoundException e) {
            problem(e.getMessage());
        } catch (java.time.format.DateTimeParseException e) {
            problem("date must be a date like 2026-11-01");
        }
    }

    private void showLive(Map<String, List<String>> params) {
        Period p = first(params, "period").flatMap(Period::fromApiName).orElse(Period.DAILY);
        LocalDate day = first(params, "date").map(LocalDate::parse).orElse(null);
        String svc = first(params, "service").filter(s -> !s.isBlank()).orElse(null);
        setPickers(p, day, svc);
        Report report = reporting.report(p, day, svc);
        String query = "?date=" + report.start() + (svc == null ? "" : "&service=" + svc);
        content.add(new ReportPanel(report, "/api/v1/reports/" + p.apiName() + ".pdf" + query,
                "/api/v1/reports/" + p.apiName() + ".csv" + query,
                auditVisible(report) ? "/api/v1/reports/" + p.apiName() + "/audit.csv" + query : null,
                this::openService));
    }

    private void showArchived(String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No archived report " + id);
        }
        Report report = reporting.archivedReport(number);
        setPickers(report.period(), report.start(), report.service());
        Span note = new Span("Archived report #" + number + ", as generated.");
        note.addClassName("vigil-hint");
        note.setId("archived-note");
        content.add(note, new ReportPanel(report, "/api/v1/reports/archive/" + number + ".pdf",
                "/api/v1/reports/archive/" + number + ".csv",
                auditVisible(report) ? "/api/v1/reports/archive/" + number + "/audit.csv" : null, this::openService));
    }

    /** The audit log goes with the overall report and only admins may read it. */
    private boolean auditVisible(Report report) {
        return report.service() == null && authentication.hasRole("ADMIN");
    }

    private void openService(String name) {
        navigate(query(period.getValue(), date.getValue(), name));
    }

    private void go() {
        if (!updating) {
            String svc = ALL.equals(service.getValue()) ? null : service.getValue();
            navigate(query(period.getValue(), date.getValue(), svc));
        }
    }

    private static Map<String, String> query(Period p, LocalDate day, String svc) {
        Map<String, String> query = new HashMap<>();
        query.put("period", (p == null ? Period.DAILY : p).apiName());
        if (day != null) {
            query.put("date", day.toString());
        }
        if (svc != null) {
            query.put("service", svc);
        }
        return query;
    }

    private void setPickers(Period p, LocalDate day, String svc) {
        updating = true;
        try {
            period.setValue(p);
            date.setValue(day);
            service.setValue(svc == null ? ALL : svc);
        } finally {
            updating = false;
        }
    }

    private void navigate(Map<String, String> query) {
        UI.getCurrent().navigate("reports", QueryParameters.simple(query));
    }

    private void problem(String text) {
        Span span = new Span(text);
        span.setId("report-problem");
        span.addClassName("vigil-notification-error");
        content.add(span);
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return Optional.ofNullable(params.get(name)).filter(l -> !l.isEmpty()).map(List::getFirst);
    }
}

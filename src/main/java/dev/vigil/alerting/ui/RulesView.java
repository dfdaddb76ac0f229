package dev.vigil.alerting.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import dev.vigil.alerting.AlertState;
import dev.vigil.alerting.AlertingManagement;
import dev.vigil.alerting.RuleStatus;
import dev.vigil.base.ui.LiveRefresh;

/**
 * Every alert rule with where it stands, worst first, refreshed every few seconds; export and import
 * the rules as YAML. On a phone only name, state and value stay; the rest is one tap away.
 */
@Route("rules")
@PageTitle("Rules · Vigil")
@PermitAll
class RulesView extends VerticalLayout {

    static final int REFRESH_MILLIS = 5000;
    private static final int NARROW_PX = 700;

    private final AlertingManagement alerting;
    private final Clock clock;
    private final List<RuleStatus> statuses = new ArrayList<>();
    private final Grid<RuleStatus> grid = new Grid<>();
    private final List<Grid.Column<RuleStatus>> secondary = new ArrayList<>();

    RulesView(AlertingManagement alerting, AuthenticationContext auth, Clock clock) {
        this.alerting = alerting;
        this.clock = clock;
        addClassName("vigil-view");
        add(new H2("Alerting"), AlertingNav.links(), toolbar(auth.hasRole("MANAGER")), grid());
        refresh();
        LiveRefresh.every(REFRESH_MILLIS, this, this::refresh);
    }

    private FlexLayout toolbar(boolean canManage) {
        Button create = new Button("New rule", VaadinIcon.PLUS.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(RuleView.class, RuleView.of(RuleView.NEW))));
        create.setId("new-rule");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(canManage);
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] yaml = alerting.exportYaml().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(yaml), "vigil-rules.yaml", "application/yaml",
                    yaml.length);
        }), AttachmentType.DOWNLOAD, "");
        export.setId("export");
        export.add(new Button("Export YAML", VaadinIcon.DOWNLOAD.create()));
        RuleImport importer = new RuleImport(alerting, this::refresh);
        importer.setVisible(canManage);
        FlexLayout toolbar = new FlexLayout(create, export, importer);
        toolbar.addClassName("vigil-actions");
        return toolbar;
    }

    private Grid<RuleStatus> grid() {
        grid.setId("rules");
        // Conditions are the point of the list: let them wrap rather than end in an ellipsis.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(RulesView::nameAndService).setHeader("Name").setKey("name").setFlexGrow(1)
                .setComparator(s -> s.rule().name());
        secondary.add(grid.addComponentColumn(s -> Badges.severity(s.rule().severity())).setHeader("Severity")
                .setKey("severity").setAutoWidth(true).setFlexGrow(0));
        grid.addComponentColumn(s -> Badges.state(s.state())).setHeader("State").setKey("state").setAutoWidth(true)
                .setFlexGrow(0);
        secondary.add(grid.addComponentColumn(s -> {
            Span condition = new Span(AlertTexts.condition(s.rule()));
            condition.addClassName("vigil-condition");
            return condition;
        }).setHeader("Condition").setKey("condition").setFlexGrow(2));
        grid.addColumn(s -> AlertTexts.value(s.rule(), s.lastValue())).setHeader("Last value").setKey("value")
                .setAutoWidth(true).setFlexGrow(0);
        secondary.add(grid.addColumn(s -> AlertTexts.ago(s.lastEvaluatedAt(), clock.instant()))
                .setHeader("Last evaluation").setKey("evaluated").setAutoWidth(true).setFlexGrow(0));
        secondary.add(grid.addColumn(s -> s.rule().enabled() ? "on" : "off").setHeader("Enabled").setKey("enabled")
                .setAutoWidth(true).setFlexGrow(0));
        grid.setItems(new ListDataProvider<>(statuses));
        grid.setAllRowsVisible(true);
        grid.setPartNameGenerator(s -> s.rule().enabled() ? null : "vigil-disabled");
        NarrowColumns.hide(grid, NARROW_PX, secondary);
        return grid;
    }

    /** The service, when a rule names one, under its name: a column of its own would mostly stand empty. */
    private static Component nameAndService(RuleStatus status) {
        RouterLink name = new RouterLink(status.rule().name(), RuleView.class, RuleView.of(status.rule().id()));
        name.addClassName("vigil-wrap");
        if (status.rule().service() == null) {
            return name;
        }
        Span service = new Span(status.rule().service());
        service.addClassName("vigil-hint");
        Div cell = new Div(name, service);
        cell.addClassName("vigil-name-cell");
        return cell;
    }

    /** Firing first, then no data, pending, OK; by name within a state. */
    void refresh() {
        statuses.clear();
        alerting.ruleStatuses().stream()
                .sorted(Comparator.comparingInt((RuleStatus s) -> urgency(s.state())).thenComparing(s -> s.rule().name()))
                .forEach(statuses::add);
        grid.getDataProvider().refreshAll();
    }

    private static int urgency(AlertState state) {
        return switch (state) {
            case FIRING -> 0;
            case NO_DATA -> 1;
            case PENDING -> 2;
            case OK -> 3;
        };
    }
}

package dev.vigil.incident.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

import dev.vigil.base.ui.WindowWidth;
import dev.vigil.incident.Incident;
import dev.vigil.incident.IncidentFilter;
import dev.vigil.incident.IncidentManagement;

/**
 * Incidents newest first, fetched page by page from the module API. A wide window gets a column per
 * fact; a phone gets one column of small cards, which a tap opens.
 */
class IncidentGrid extends Grid<Incident> {

    /** Below this window width a phone gets cards. */
    static final int PHONE_PX = 700;
    /** Below this (a laptop with the drawer open) the facts the cards and the incident page also show go. */
    static final int LAPTOP_PX = 1400;

    static final int PAGE = 25;

    private final Clock clock;
    private final List<Column<Incident>> wide = new ArrayList<>();
    private final List<Column<Incident>> widest = new ArrayList<>();
    private final Column<Incident> compact;

    IncidentGrid(IncidentManagement incidents, Supplier<IncidentFilter> filter, Clock clock) {
        this.clock = clock;
        setId("incidents");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        wide.add(addComponentColumn(i -> new RouterLink(i.id(), IncidentView.class, i.id())).setHeader("Id")
                .setKey("id").setAutoWidth(true).setFlexGrow(0));
        wide.add(addColumn(Incident::title).setHeader("Title").setKey("title").setWidth("14rem").setFlexGrow(1)
                .setTooltipGenerator(Incident::title));
        wide.add(addColumn(i -> IncidentTexts.orDash(i.service())).setHeader("Service").setKey("service")
                .setAutoWidth(true).setFlexGrow(0));
        wide.add(addComponentColumn(i -> IncidentBadges.severity(i.severity())).setHeader("Severity")
                .setKey("severity").setAutoWidth(true).setFlexGrow(0));
        wide.add(addComponentColumn(i -> IncidentBadges.status(i.status())).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0));
        widest.add(addColumn(Incident::alertCount).setHeader("Alerts").setKey("alerts").setAutoWidth(true)
                .setFlexGrow(0));
        wide.add(addColumn(IncidentTexts::level).setHeader("Escalation").setKey("level").setAutoWidth(true)
                .setFlexGrow(0));
        widest.add(addColumn(i -> IncidentTexts.orDash(i.assignee())).setHeader("Assignee").setKey("assignee")
                .setAutoWidth(true).setFlexGrow(0));
        wide.add(addColumn(i -> IncidentTexts.relative(i.triggeredAt(), clock.instant())).setHeader("Triggered")
                .setKey("triggered").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(i -> IncidentTexts.moment(i.triggeredAt(), clock.instant())));
        wide.add(addColumn(IncidentTexts::acknowledgedAfter).setHeader("Acked after").setKey("ackAfter")
                .setAutoWidth(true).setFlexGrow(0).setTooltipGenerator(i -> "Time to acknowledge"));
        compact = addComponentColumn(this::card).setHeader("Incidents").setKey("card").setFlexGrow(1);
        compact.setVisible(false);
        // A screen shows at most ~20 rows; Grid's default page of 50 rendered and sent twice that many.
        setPageSize(PAGE);
        setItems(query -> window(query.getOffset(), query.getLimit(),
                        (page, size) -> incidents.incidents(filter.get(), page, size)),
                query -> (int) Math.min(Integer.MAX_VALUE, incidents.count(filter.get())));
        addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(IncidentView.class, e.getItem().id())));
        WindowWidth.follow(this, this::fit);
    }

    /**
     * The API pages by (page, size). The grid asks for page-aligned windows, which map one to one; any
     * other window is read from the top, which is correct if slower.
     */
    static <T> Stream<T> window(int offset, int limit, BiFunction<Integer, Integer, List<T>> page) {
        if (limit <= 0) {
            return Stream.empty();
        }
        return offset % limit == 0 ? page.apply(offset / limit, limit).stream()
                : page.apply(0, offset + limit).stream().skip(offset);
    }

    /** Picks the columns for a window this wide. */
    void fit(int windowWidth) {
        boolean phone = windowWidth < PHONE_PX;
        wide.forEach(c -> c.setVisible(!phone));
        widest.forEach(c -> c.setVisible(windowWidth >= LAPTOP_PX));
        compact.setVisible(phone);
        // Cards are several lines high; the wide rows are one line and should stay so.
        if (phone) {
            addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        } else {
            removeThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        }
    }

    private Div card(Incident incident) {
        Div top = new Div(new RouterLink(incident.id(), IncidentView.class, incident.id()),
                IncidentBadges.status(incident.status()), IncidentBadges.severity(incident.severity()));
        top.addClassName("vigil-incident-card-top");
        Span title = new Span(incident.title());
        title.addClassName("vigil-incident-card-title");
        Span facts = new Span(IncidentTexts.orDash(incident.service()) + " · "
                + IncidentTexts.relative(incident.triggeredAt(), clock.instant()) + " · "
                + IncidentTexts.level(incident) + (incident.alertCount() > 1 ? " · " + incident.alertCount() + " alerts" : "")
                + (incident.assignee() == null ? "" : " · " + incident.assignee()));
        facts.addClassName("vigil-hint");
        Div card = new Div(top, title, facts);
        card.addClassName("vigil-incident-card");
        return card;
    }
}

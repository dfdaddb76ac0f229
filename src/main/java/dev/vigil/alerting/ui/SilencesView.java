package dev.vigil.alerting.ui;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import dev.vigil.alerting.AlertingManagement;
import dev.vigil.alerting.Silence;

/**
 * Silences and maintenance windows: alerts they match keep their history but page nobody. Any
 * responder may create or expire one.
 */
@Route("rules/silences")
@PageTitle("Silences · Vigil")
@PermitAll
class SilencesView extends VerticalLayout {

    private final AlertingManagement alerting;
    private final Clock clock;
    private final Grid<Silence> grid = new Grid<>();

    SilencesView(AlertingManagement alerting, Clock clock) {
        this.alerting = alerting;
        this.clock = clock;
        addClassName("vigil-view");
        add(new H2("Alerting"), AlertingNav.links(), new SilenceForm(alerting, this::refresh), new H3("Silences"), grid());
    }

    private Grid<Silence> grid() {
        grid.setId("silences");
        grid.addColumn(s -> String.join(", ", s.matchers().stream().map(Silence.Matcher::toString).toList()))
                .setHeader("Matchers").setKey("matchers").setFlexGrow(2);
        grid.addComponentColumn(s -> Badges.silence(s.statusAt(clock.instant()))).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        Grid.Column<Silence> starts = grid.addColumn(s -> AlertTexts.time(s.startsAt())).setHeader("Starts")
                .setKey("starts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> AlertTexts.time(s.endsAt())).setHeader("Ends").setKey("ends").setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<Silence> comment = grid.addColumn(Silence::comment).setHeader("Comment").setKey("comment")
                .setFlexGrow(2);
        Grid.Column<Silence> by = grid.addColumn(Silence::createdBy).setHeader("By").setKey("by").setAutoWidth(true)
                .setFlexGrow(0);
        NarrowColumns.hide(grid, 700, List.of(starts, comment, by));
        grid.addComponentColumn(this::expireButton).setHeader("").setKey("expire").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> Paging.slice(q.getOffset(), q.getLimit(), alerting::silences), q -> (int) alerting.silenceCount());
        grid.setEmptyStateText("No silences.");
        grid.setHeight("28rem");
        return grid;
    }

    private Component expireButton(Silence silence) {
        if (silence.statusAt(clock.instant()) == Silence.Status.EXPIRED) {
            return new Span();
        }
        Button expire = new Button("Expire", e -> {
            Silence expired = Feedback.asRole("responder", () -> alerting.expireSilence(silence.id()));
            if (expired != null) {
                Feedback.success("Expired the silence of " + expired.matchers().getFirst() + ".");
                refresh();
            }
        });
        expire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return expire;
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }
}

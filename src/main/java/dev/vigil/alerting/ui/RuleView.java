package dev.vigil.alerting.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import dev.vigil.alerting.AlertRule;
import dev.vigil.alerting.AlertingManagement;
import dev.vigil.alerting.RuleStatus;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.QueryResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * One rule: the editor (also for a new rule at {@code /rules/new}), a preview of its metric against the
 * threshold, its current alerts and its history. Saving and previewing go through the module's
 * validation, whose violations land on the fields; nothing is saved while any remain.
 */
@Route("rules/:id")
@PermitAll
class RuleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NEW = "new";

    private final AlertingManagement alerting;
    private final MetricsManagement metrics;
    private final Clock clock;
    private final boolean canManage;
    private String ruleId;
    private String title = "Rule · Vigil";
    private RuleForm form;
    private RulePreview preview;

    RuleView(AlertingManagement alerting, MetricsManagement metrics, AuthenticationContext auth, Clock clock) {
        this.alerting = alerting;
        this.metrics = metrics;
        this.clock = clock;
        this.canManage = auth.hasRole("MANAGER");
        addClassName("vigil-view");
    }

    static RouteParameters of(String id) {
        return new RouteParameters("id", id);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse(NEW);
        RuleStatus status = null;
        if (!NEW.equals(id)) {
            try {
                status = alerting.ruleStatus(id);
            } catch (dev.vigil.base.NotFoundException e) {
                event.rerouteToError(NotFoundException.class, e.getMessage());
                return;
            }
        }
        // The router reuses this view from /rules/a to /rules/b: build afresh each time.
        removeAll();
        ruleId = status == null ? null : id;
        build(status);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void build(RuleStatus status) {
        form = new RuleForm(metrics.metricNames());
        preview = new RulePreview(() -> preview(true));
        HorizontalLayout heading = new HorizontalLayout(new H2(status == null ? "New rule" : status.rule().name()));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.addClassName("vigil-rule-heading");
        if (status != null) {
            heading.add(Badges.state(status.state()));
            form.read(AlertingManagement.toJson(status.rule()));
        }
        title = (status == null ? "New rule" : status.rule().name()) + " · Vigil";
        add(new RouterLink("← All rules", RulesView.class), heading);
        if (status != null) {
            add(summary(status));
        }
        if (!canManage) {
            Paragraph readOnly = new Paragraph("Read only: changing rules needs the manager role.");
            readOnly.addClassName("vigil-hint");
            add(readOnly);
            form.setReadOnly(true);
        }
        // The chart first: what the metric does against the threshold is what people come to check.
        add(preview, form, actions(status));
        if (status != null) {
            add(new RuleActivity(alerting, status, clock));
            preview(false);
        }
    }

    private Paragraph summary(RuleStatus status) {
        Paragraph summary = new Paragraph(AlertTexts.condition(status.rule()) + " · last value "
                + AlertTexts.value(status.rule(), status.lastValue()) + " · evaluated "
                + AlertTexts.ago(status.lastEvaluatedAt(), clock.instant())
                + (status.rule().enabled() ? "" : " · disabled"));
        summary.setId("rule-summary");
        summary.addClassName("vigil-rule-summary");
        return summary;
    }

    private FlexLayout actions(RuleStatus status) {
        Button save = new Button(status == null ? "Create rule" : "Save", VaadinIcon.CHECK.create(), e -> save());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button previewButton = new Button("Preview", VaadinIcon.CHART_LINE.create(), e -> preview(true));
        previewButton.setId("preview-button");
        FlexLayout actions = new FlexLayout(save, previewButton);
        if (status != null) {
            Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(status.rule()));
            delete.setId("delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.setEnabled(canManage);
            actions.add(delete);
        }
        save.setEnabled(canManage);
        actions.addClassNames("vigil-actions", "vigil-sticky-actions");
        return actions;
    }

    private void save() {
        ObjectNode json;
        try {
            json = form.write();
        } catch (InvalidRequestException e) {
            refused("Not saved", e.violations());
            return;
        }
        try {
            AlertRule saved = Feedback.asRole("manager",
                    () -> ruleId == null ? alerting.createRule(json) : alerting.updateRule(ruleId, json));
            if (saved == null) {
                return;
            }
            Feedback.success("Saved rule “" + saved.name() + "”.");
            getUI().ifPresent(ui -> ui.navigate(RuleView.class, of(saved.id())));
        } catch (InvalidRequestException e) {
            refused("Not saved", e.violations());
        } catch (dev.vigil.base.NotFoundException e) {
            Feedback.error("Not saved: someone deleted this rule meanwhile. Create it again from “New rule”.");
        }
    }

    /** @param asked whether someone pressed Preview (then problems are shown; on load they are not news) */
    private void preview(boolean asked) {
        try {
            ObjectNode json = form.write();
            // The preview needs a query, not a name: let people chart a rule before naming it.
            if (!json.hasNonNull("name") || json.get("name").asString().isBlank()) {
                json.put("name", "preview");
            }
            Instant now = clock.instant();
            QueryResult result = alerting.preview(json, preview.range());
            form.clearViolations();
            preview.show(result, now, form.isRatio(), form.comparator(), form.threshold(), form.recovery(),
                    form.sloObjective());
        } catch (InvalidRequestException e) {
            if (asked) {
                refused("No preview", e.violations());
            }
        }
    }

    private void refused(String what, List<FieldViolation> violations) {
        Feedback.problems(what, violations, form.showViolations(violations));
    }

    private void confirmDelete(AlertRule rule) {
        ConfirmDialog dialog = new ConfirmDialog("Delete “" + rule.name() + "”?",
                "The rule stops alerting at once. Export the rules first if you may want it back.", "Delete",
                e -> delete(rule));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void delete(AlertRule rule) {
        Boolean done = Feedback.asRole("manager", () -> {
            alerting.deleteRule(rule.id());
            return true;
        });
        if (done != null) {
            Feedback.success("Deleted rule “" + rule.name() + "”.");
            getUI().ifPresent(ui -> ui.navigate(RulesView.class));
        }
    }
}

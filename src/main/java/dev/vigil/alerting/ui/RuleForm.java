package dev.vigil.alerting.ui;

import static dev.vigil.alerting.ui.RuleDocument.number;
import static dev.vigil.alerting.ui.RuleDocument.optional;
import static dev.vigil.alerting.ui.RuleDocument.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.alerting.MissingData;
import dev.vigil.alerting.Severity;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.ui.FieldErrors;
import dev.vigil.metrics.Aggregation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rule editor's fields and the JSON document they stand for. What the form does not show (an SLO
 * section, the rule's own labels) is carried over from the loaded document untouched, so saving never
 * drops it. Validation is the module's: the form only places its violations on the fields.
 */
class RuleForm extends VerticalLayout {

    static final String RATIO = "ratio";
    private static final String DURATION_HINT = "ISO-8601, e.g. PT30S, PT5M, PT1H";
    private static final List<String> AGGREGATIONS = Stream.concat(
            Arrays.stream(Aggregation.values()).map(Aggregation::apiName), Stream.of(RATIO)).toList();

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final TextField service = new TextField("Service");
    private final Select<Severity> severity = new Select<>();
    private final ComboBox<String> metric = new ComboBox<>("Metric");
    private final TextField labels = new TextField("Label matchers");
    private final Select<String> aggregation = new Select<>();
    private final ComboBox<String> divideBy = new ComboBox<>("Divide by metric");
    private final TextField divideByLabels = new TextField("Divide-by label matchers");
    private final TextField window = duration("Window", "window", "PT5M");
    private final Select<String> comparator = new Select<>();
    private final NumberField threshold = new NumberField("Threshold");
    private final NumberField recovery = new NumberField("Recovery threshold");
    private final TextField pendingFor = duration("Pending for", "pending-for", "PT0S");
    private final IntegerField n = new IntegerField("Breaching datapoints (n)");
    private final IntegerField m = new IntegerField("Of the last (m)");
    private final Select<MissingData> missingData = new Select<>();
    private final TextField evaluateEvery = duration("Evaluate every", "evaluate-every", "PT1M");
    private final TextField escalationPolicy = new TextField("Escalation policy");
    private final TextField runbookUrl = new TextField("Runbook URL");
    private final Checkbox enabled = new Checkbox("Enabled");
    private final FormLayout condition;
    private final Paragraph slo = new Paragraph();
    private final FieldErrors errors = new FieldErrors();
    private final Set<String> metricNames;
    private ObjectNode loaded = JsonNodeFactory.instance.objectNode();

    RuleForm(List<String> knownMetrics) {
        setPadding(false);
        addClassName("vigil-rule-form");
        metricNames = new LinkedHashSet<>(knownMetrics);
        setUp();
        condition = section(comparator, threshold, recovery, pendingFor, n, m, missingData);
        slo.addClassName("vigil-hint");
        FormLayout about = section(name, service, severity, description, enabled);
        about.setColspan(description, 2);
        add(new H3("Rule"), about,
                new H3("Query"), section(metric, labels, aggregation, window, divideBy, divideByLabels),
                new H3("Condition"), slo, condition,
                new H3("Evaluation and routing"), section(evaluateEvery, escalationPolicy, runbookUrl));
        errors.bind("/name", name).bind("/id", name).bind("/description", description).bind("/service", service)
                .bind("/severity", severity).bind("/query", metric).bind("/query/metric", metric)
                .bind("/query/labels", labels).bind("/query/aggregation", aggregation).bind("/query/window", window)
                .bind("/query/divideBy", divideBy).bind("/query/divideBy/labels", divideByLabels)
                .bind("/condition", threshold).bind("/condition/comparator", comparator)
                .bind("/recovery", recovery).bind("/pendingFor", pendingFor).bind("/datapoints", n)
                .bind("/datapoints/m", m).bind("/missingData", missingData).bind("/evaluateEvery", evaluateEvery)
                .bind("/escalationPolicy", escalationPolicy).bind("/runbookUrl", runbookUrl);
        read(RuleDocument.defaults());
    }

    private void setUp() {
        name.setId("name");
        name.setRequiredIndicatorVisible(true);
        description.setId("description");
        service.setId("service");
        severity.setLabel("Severity");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(Severity::apiName);
        for (ComboBox<String> box : List.of(metric, divideBy)) {
            box.setItems(metricNames);
            box.setAllowCustomValue(true);
            box.addCustomValueSetListener(e -> setMetric(box, e.getDetail()));
        }
        metric.setId("metric");
        metric.setRequiredIndicatorVisible(true);
        divideBy.setId("divide-by");
        labels.setId("labels");
        labels.setPlaceholder("stat=p95, region=eu");
        labels.setHelperText("Exact matches, name=value, separated by commas");
        divideByLabels.setId("divide-by-labels");
        aggregation.setLabel("Aggregation");
        aggregation.setId("aggregation");
        aggregation.setItems(AGGREGATIONS);
        aggregation.addValueChangeListener(e -> showRatio(RATIO.equals(e.getValue())));
        comparator.setLabel("Comparator");
        comparator.setId("comparator");
        comparator.setItems(">", ">=", "<", "<=");
        threshold.setId("threshold");
        threshold.setRequiredIndicatorVisible(true);
        recovery.setId("recovery");
        recovery.setHelperText("Optional: once firing, recover only past this value");
        pendingFor.setHelperText("How long a breach must last before firing; " + DURATION_HINT);
        for (IntegerField field : List.of(n, m)) {
            field.setMin(1);
            field.setMax(60);
            field.setStepButtonsVisible(true);
        }
        n.setId("datapoints-n");
        m.setId("datapoints-m");
        missingData.setLabel("Missing data");
        missingData.setId("missing-data");
        missingData.setItems(MissingData.values());
        missingData.setItemLabelGenerator(MissingData::apiName);
        escalationPolicy.setId("escalation-policy");
        runbookUrl.setId("runbook-url");
        runbookUrl.setPlaceholder("https://…");
        enabled.setId("enabled");
    }

    private static TextField duration(String label, String id, String placeholder) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setPlaceholder(placeholder);
        field.setHelperText(DURATION_HINT);
        return field;
    }

    private static FormLayout section(Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("56em", 3));
        return form;
    }

    void read(JsonNode rule) {
        loaded = ((ObjectNode) rule).deepCopy();
        errors.clear();
        name.setValue(text(rule, "name"));
        description.setValue(text(rule, "description"));
        service.setValue(text(rule, "service"));
        severity.setValue(Severity.fromApiName(text(rule, "severity")).orElse(Severity.HIGH));
        JsonNode q = rule.path("query");
        setMetric(metric, text(q, "metric"));
        labels.setValue(LabelText.format(q.get("labels")));
        aggregation.setValue(q.has("aggregation") ? text(q, "aggregation") : "avg");
        setMetric(divideBy, text(q.path("divideBy"), "metric"));
        divideByLabels.setValue(LabelText.format(q.path("divideBy").get("labels")));
        window.setValue(text(q, "window"));
        JsonNode c = rule.path("condition");
        comparator.setValue(c.has("comparator") ? text(c, "comparator") : ">");
        threshold.setValue(number(c, "threshold"));
        recovery.setValue(number(rule.path("recovery"), "threshold"));
        pendingFor.setValue(text(rule, "pendingFor"));
        Double dn = number(rule.path("datapoints"), "n");
        Double dm = number(rule.path("datapoints"), "m");
        n.setValue(dn == null ? 1 : dn.intValue());
        m.setValue(dm == null ? 1 : dm.intValue());
        missingData.setValue(MissingData.fromApiName(text(rule, "missingData")).orElse(MissingData.IGNORE));
        evaluateEvery.setValue(text(rule, "evaluateEvery"));
        escalationPolicy.setValue(text(rule, "escalationPolicy"));
        runbookUrl.setValue(text(rule, "runbookUrl"));
        enabled.setValue(!rule.has("enabled") || rule.get("enabled").asBoolean());
        boolean isSlo = rule.has("slo");
        condition.setVisible(!isSlo);
        slo.setVisible(isSlo);
        slo.setText(isSlo ? RuleDocument.describeSlo(rule.get("slo")) : "");
        showRatio(RATIO.equals(aggregation.getValue()));
    }

    /** The rule as the API takes it; a line the form itself cannot read is refused like a module violation. */
    ObjectNode write() {
        List<FieldViolation> local = new ArrayList<>();
        ObjectNode rule = loaded.deepCopy();
        rule.remove("id");
        rule.put("name", name.getValue());
        optional(rule, "description", description.getValue());
        optional(rule, "service", service.getValue());
        rule.put("severity", severity.getValue().apiName());
        ObjectNode q = rule.putObject("query");
        optional(q, "metric", metric.getValue());
        q.set("labels", LabelText.labels(labels.getValue(), "/query/labels", local));
        q.put("aggregation", aggregation.getValue());
        optional(q, "window", window.getValue());
        if (isRatio()) {
            ObjectNode d = q.putObject("divideBy");
            optional(d, "metric", divideBy.getValue());
            d.set("labels", LabelText.labels(divideByLabels.getValue(), "/query/divideBy/labels", local));
        }
        if (!isSlo()) {
            ObjectNode c = rule.putObject("condition");
            c.put("comparator", comparator.getValue());
            if (threshold.getValue() != null) {
                c.put("threshold", threshold.getValue());
            }
            if (recovery.getValue() != null) {
                rule.putObject("recovery").put("threshold", recovery.getValue());
            } else {
                rule.remove("recovery");
            }
        }
        optional(rule, "pendingFor", pendingFor.getValue());
        ObjectNode datapoints = rule.putObject("datapoints");
        datapoints.put("n", n.getValue());
        datapoints.put("m", m.getValue());
        rule.put("missingData", missingData.getValue().apiName());
        optional(rule, "evaluateEvery", evaluateEvery.getValue());
        optional(rule, "escalationPolicy", escalationPolicy.getValue());
        optional(rule, "runbookUrl", runbookUrl.getValue());
        rule.put("enabled", enabled.getValue());
        if (!local.isEmpty()) {
            throw new InvalidRequestException("The form has lines it cannot read", local);
        }
        return rule;
    }

    /** Marks the fields; returns the violations no field stands for. */
    List<FieldViolation> showViolations(List<FieldViolation> violations) {
        return errors.show(violations);
    }

    void clearViolations() {
        errors.clear();
    }

    boolean isSlo() {
        return loaded.has("slo");
    }

    boolean isRatio() {
        return RATIO.equals(aggregation.getValue());
    }

    Double threshold() {
        return isSlo() ? null : threshold.getValue();
    }

    Double recovery() {
        return isSlo() ? null : recovery.getValue();
    }

    String comparator() {
        return comparator.getValue();
    }

    Double sloObjective() {
        return isSlo() ? number(loaded.get("slo"), "objective") : null;
    }

    void setReadOnly(boolean readOnly) {
        List<HasValue<?, ?>> fields = List.of(name, description, service, severity, metric, labels, aggregation,
                divideBy, divideByLabels, window, comparator, threshold, recovery, pendingFor, n, m, missingData,
                evaluateEvery, escalationPolicy, runbookUrl, enabled);
        fields.forEach(f -> f.setReadOnly(readOnly));
    }

    private void showRatio(boolean ratio) {
        divideBy.setVisible(ratio);
        divideByLabels.setVisible(ratio);
        threshold.setSuffixComponent(ratio ? new Span("%") : null);
        aggregation.setHelperText(ratio ? "Sum of the metric / sum of the divide-by metric, in %" : null);
    }

    /** A metric name nobody has sent yet is still a valid choice: rules may be written before the data. */
    private void setMetric(ComboBox<String> box, String value) {
        if (value != null && !value.isBlank() && metricNames.add(value)) {
            metric.getDataProvider().refreshAll();
            divideBy.getDataProvider().refreshAll();
        }
        box.setValue(value == null || value.isBlank() ? null : value);
    }
}

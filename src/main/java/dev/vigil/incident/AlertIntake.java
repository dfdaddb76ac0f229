package dev.vigil.incident;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.vigil.alerting.AlertFired;
import dev.vigil.alerting.AlertRecovered;

/**
 * Turns the alerting module's events into incidents. The listeners run after the evaluation has
 * committed, each in its own transaction, and the event publication registry retries one that failed
 * (or was cut short by a crash), so no firing alert is lost between the modules.
 */
@Component
class AlertIntake {

    /** Detail keys that tell the incident page which series to chart around the breach. */
    static final String CHART_METRIC = "chart.metric";
    static final String CHART_LABEL_PREFIX = "chart.label.";

    private final IncidentLifecycle lifecycle;
    private final IncidentRepository incidents;

    AlertIntake(IncidentLifecycle lifecycle, IncidentRepository incidents) {
        this.lifecycle = lifecycle;
        this.incidents = incidents;
    }

    @ApplicationModuleListener
    void on(AlertFired alert) {
        Map<String, String> details = new LinkedHashMap<>(alert.labels());
        if (alert.value() != null) {
            details.put("value", String.valueOf(alert.value()));
        }
        details.put("condition", alert.condition());
        details.put("state", alert.state().name());
        if (alert.metric() != null) {
            details.put(CHART_METRIC, alert.metric());
            alert.seriesLabels().forEach((k, v) -> details.put(CHART_LABEL_PREFIX + k, v));
        }
        lifecycle.trigger(new TriggerRequest(alert.dedupKey(), alert.summary(), alert.service(), alert.severity(),
                IncidentSource.RULE, alert.escalationPolicy(), alert.ruleId(), alert.runbookUrl(), alert.silencedBy(),
                details), "rule " + alert.ruleId());
    }

    @ApplicationModuleListener
    void on(AlertRecovered recovery) {
        incidents.findOpen(recovery.dedupKey()).ifPresent(incident -> lifecycle.resolve(incident.number(),
                "rule " + recovery.ruleId(), true, "alert recovered (" + recovery.reason() + ")"));
    }
}

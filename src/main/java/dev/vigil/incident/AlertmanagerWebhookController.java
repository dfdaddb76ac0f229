package dev.vigil.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.alerting.Severity;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.JsonFields;
import dev.vigil.base.NotFoundException;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.ServiceInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Prometheus Alertmanager's webhook receiver (payload version 4) at
 * {@code POST /api/v1/integrations/alertmanager/{integrationKey}}. One call carries a group of alerts;
 * each alert's {@code fingerprint} is its dedup key, {@code firing} triggers and {@code resolved}
 * resolves. The whole group is checked before anything is done, so a bad alert changes nothing.
 */
@RestController
@Tag(name = "Events in")
class AlertmanagerWebhookController {

    private final OnCallManagement oncall;
    private final EventIntake intake;

    AlertmanagerWebhookController(OnCallManagement oncall, EventIntake intake) {
        this.oncall = oncall;
        this.intake = intake;
    }

    record AmAlert(boolean firing, String fingerprint, String title, Severity severity, String runbookUrl,
            Map<String, String> details) {
    }

    @PostMapping("/api/v1/integrations/alertmanager/{integrationKey}")
    @Operation(summary = "Alertmanager webhook (version 4): firing alerts trigger, resolved ones resolve")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String integrationKey, @RequestBody(required = false) JsonNode body) {
        ServiceInfo service = oncall.serviceByIntegrationKey(integrationKey)
                .orElseThrow(() -> new NotFoundException("No service has this integration key"));
        List<AmAlert> alerts = read(body);
        int triggered = 0;
        int resolved = 0;
        for (AmAlert a : alerts) {
            if (a.firing()) {
                intake.trigger(service, IncidentSource.ALERTMANAGER, a.fingerprint(), a.title(), a.severity(),
                        a.runbookUrl(), a.details());
                triggered++;
            } else {
                intake.resolve(service, IncidentSource.ALERTMANAGER, a.fingerprint());
                resolved++;
            }
        }
        return ResponseEntity.ok(Map.of("status", "success", "triggered", triggered, "resolved", resolved));
    }

    static List<AmAlert> read(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("/", "must be an Alertmanager webhook payload (a JSON object)");
        }
        JsonFields payload = new JsonFields(body, "", violations);
        String version = payload.string("version", true, 10);
        if (version != null && !version.equals("4")) {
            payload.reject("version", "must be \"4\" (the Alertmanager webhook payload version Vigil reads)");
        }
        Map<String, String> common = payload.labels("commonLabels");
        JsonNode list = body.get("alerts");
        List<AmAlert> alerts = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            payload.reject("alerts", "must be a non-empty list of alerts");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonFields a = payload.child(list.get(i), "/alerts/" + i);
                String status = a.choice("status", null,
                        s -> List.of("firing", "resolved").contains(s) ? java.util.Optional.of(s) : java.util.Optional.empty(),
                        "firing, resolved");
                String fingerprint = a.string("fingerprint", true, 200);
                Map<String, String> labels = new LinkedHashMap<>(common);
                labels.putAll(a.labels("labels"));
                Map<String, String> annotations = a.labels("annotations");
                String title = annotations.getOrDefault("summary", labels.getOrDefault("alertname", "Alertmanager alert"));
                Map<String, String> details = new LinkedHashMap<>(labels);
                annotations.forEach((k, v) -> details.put("annotation." + k, v));
                alerts.add(new AmAlert("firing".equals(status), fingerprint, title,
                        severity(labels.get("severity")), annotations.get("runbook_url"), details));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The webhook payload is invalid; no alert was processed", violations);
        }
        return alerts;
    }

    /** Prometheus rules name severities freely; the common ones map, anything else is high. */
    static Severity severity(String label) {
        if (label == null) {
            return Severity.HIGH;
        }
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "critical", "page", "p1" -> Severity.CRITICAL;
            case "warning", "warn", "p3" -> Severity.MEDIUM;
            case "info", "none", "p4", "p5", "low" -> Severity.LOW;
            default -> Severity.HIGH;
        };
    }
}

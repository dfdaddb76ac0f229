package dev.vigil.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.alerting.Severity;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.JsonFields;
import dev.vigil.base.Problems;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.ServiceInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * PagerDuty Events API v2 at {@code POST /v2/enqueue}: anything that can page PagerDuty can page Vigil by
 * changing the base URL. The {@code routing_key} is a Vigil service's integration key. Replies as
 * PagerDuty documents them: 202 {@code {"status":"success","message":"Event processed","dedup_key":...}};
 * an invalid event gets 400 as a problem body naming each field (PagerDuty's {@code message} is kept).
 */
@RestController
@Tag(name = "Events in")
class PagerDutyEventsController {

    private static final Map<String, Severity> SEVERITIES = Map.of("critical", Severity.CRITICAL, "error",
            Severity.HIGH, "warning", Severity.MEDIUM, "info", Severity.LOW);

    private final OnCallManagement oncall;
    private final EventIntake intake;

    PagerDutyEventsController(OnCallManagement oncall, EventIntake intake) {
        this.oncall = oncall;
        this.intake = intake;
    }

    @PostMapping("/v2/enqueue")
    @Operation(summary = "PagerDuty Events API v2: trigger, acknowledge or resolve by dedup_key")
    ResponseEntity<?> enqueue(@RequestBody(required = false) JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return invalid(List.of(new FieldViolation("/", "must be a JSON object (a PagerDuty v2 event)")));
        }
        JsonFields event = new JsonFields(body, "", violations);
        String routingKey = event.string("routing_key", true, 200);
        Optional<ServiceInfo> service = Optional.empty();
        if (routingKey != null) {
            service = oncall.serviceByIntegrationKey(routingKey);
            if (service.isEmpty()) {
                event.reject("routing_key", "is not the integration key of any Vigil service");
            }
        }
        String action = event.choice("event_action", null,
                a -> List.of("trigger", "acknowledge", "resolve").contains(a) ? Optional.of(a) : Optional.empty(),
                "trigger, acknowledge, resolve");
        String dedupKey = event.string("dedup_key", false, 255);
        if (dedupKey == null && action != null && !action.equals("trigger")) {
            event.reject("dedup_key", "is required to " + action);
        }
        Trigger trigger = action != null && action.equals("trigger") ? trigger(event, body) : null;
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        String key = dedupKey != null ? dedupKey : UUID.randomUUID().toString().replace("-", "");
        switch (action) {
            case "trigger" -> intake.trigger(service.orElseThrow(), IncidentSource.EVENTS_API, key, trigger.summary(),
                    trigger.severity(), trigger.runbookUrl(), trigger.details());
            case "acknowledge" -> intake.acknowledge(service.orElseThrow(), IncidentSource.EVENTS_API, key);
            default -> intake.resolve(service.orElseThrow(), IncidentSource.EVENTS_API, key);
        }
        return ResponseEntity.accepted().body(Map.of("status", "success", "message", "Event processed", "dedup_key", key));
    }

    private record Trigger(String summary, Severity severity, String runbookUrl, Map<String, String> details) {
    }

    private static Trigger trigger(JsonFields event, JsonNode body) {
        JsonFields payload = event.object("payload", true).orElse(null);
        if (payload == null) {
            return null;
        }
        String summary = payload.string("summary", true, 1024);
        String source = payload.string("source", true, 255);
        Severity severity = payload.choice("severity", null, s -> Optional.ofNullable(SEVERITIES.get(s)),
                "critical, error, warning, info");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("source", source == null ? "" : source);
        for (String field : List.of("component", "group", "class", "timestamp")) {
            String value = payload.string(field, false, 1024);
            if (value != null) {
                details.put(field, value);
            }
        }
        JsonNode custom = body.get("payload").get("custom_details");
        if (custom != null && !custom.isNull()) {
            details.put("custom_details", custom.toString().length() > 2000 ? custom.toString().substring(0, 2000)
                    : custom.toString());
        }
        String runbook = null;
        JsonNode links = body.get("links");
        if (links != null && !links.isNull() && !links.isArray()) {
            event.reject("links", "must be an array of {href, text} objects");
        } else if (links != null && !links.isEmpty()) {
            // Only the first link is kept, as the runbook; it is checked like any other field, not cast blindly.
            JsonFields link = event.child(links.get(0), event.pointer("links") + "/0");
            runbook = link.string("href", false, 2048);
            link.string("text", false, 1024); // not kept, but a link whose text is no string is no PagerDuty link
        }
        return new Trigger(summary, severity, runbook, details);
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldViolation> violations) {
        ProblemDetail problem = Problems.invalid("Event object is invalid", violations);
        problem.setProperty("message", "Event object is invalid");
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}

package dev.vigil.incident;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.alerting.Severity;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.JsonFields;
import dev.vigil.base.PageResponse;
import dev.vigil.incident.RootCauseAnalysis.PreventionMeasure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/incidents}: list, read, open by hand, acknowledge, resolve and the RCA. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents")
class IncidentsController {

    private final IncidentManagement incidents;

    IncidentsController(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    @Operation(summary = "Incidents, newest first; filter by status (repeatable) and service")
    PageResponse<Incident> list(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String service, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 500);
        Set<IncidentStatus> statuses = EnumSet.noneOf(IncidentStatus.class);
        List<FieldViolation> violations = new ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            try {
                statuses.add(IncidentStatus.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("/status", "'" + s + "' is not one of TRIGGERED, ACKNOWLEDGED, RESOLVED, CLOSED"));
            }
        }
        IncidentManagement.refuse(violations);
        IncidentFilter filter = new IncidentFilter(statuses, service, null, null);
        return PageResponse.of(incidents.incidents(filter, page, size), page, size, incidents.count(filter));
    }

    @GetMapping("/{id}")
    IncidentDetails get(@PathVariable String id) {
        return incidents.incident(id);
    }

    @PostMapping
    @Operation(summary = "Open an incident by hand (title, service, severity); it pages like any other")
    ResponseEntity<IncidentDetails> open(@RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = new JsonFields(body, "", violations);
        String title = f.string("title", true, 500);
        String service = f.string("service", false, 200);
        Severity severity = f.choice("severity", Severity.HIGH, Severity::fromApiName, "critical, high, medium, low");
        IncidentManagement.refuse(violations);
        Incident incident = incidents.open(title, service, severity);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/incidents/" + incident.id())
                .body(incidents.incident(incident.id()));
    }

    @PostMapping("/{id}/acknowledge")
    Incident acknowledge(@PathVariable String id) {
        return incidents.acknowledge(id);
    }

    @PostMapping("/{id}/resolve")
    Incident resolve(@PathVariable String id) {
        return incidents.resolve(id);
    }

    @PutMapping("/{id}/rca")
    @Operation(summary = "Write the root-cause analysis: rootCause, contributingFactors, preventionMeasures "
            + "[{description, owner, dueDate, status}]; with a measure on a resolved incident, closes it")
    IncidentDetails rca(@PathVariable String id, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = new JsonFields(body, "", violations);
        String rootCause = f.string("rootCause", true, 8000);
        String factors = f.string("contributingFactors", false, 8000);
        List<PreventionMeasure> measures = measures(f, body == null ? null : body.get("preventionMeasures"));
        IncidentManagement.refuse(violations);
        incidents.saveRca(id, rootCause, factors, measures);
        return incidents.incident(id);
    }

    private static List<PreventionMeasure> measures(JsonFields f, JsonNode list) {
        List<PreventionMeasure> measures = new ArrayList<>();
        if (list == null || list.isNull()) {
            return measures;
        }
        if (!list.isArray()) {
            f.reject("preventionMeasures", "must be a list of {description, owner, dueDate, status}");
            return measures;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonFields m = f.child(list.get(i), f.pointer("preventionMeasures") + "/" + i);
            String description = m.string("description", true, 2000);
            String owner = m.string("owner", false, 200);
            LocalDate due = null;
            String dueText = m.string("dueDate", false, 10);
            if (dueText != null) {
                try {
                    due = LocalDate.parse(dueText);
                } catch (DateTimeParseException e) {
                    m.reject("dueDate", "must be a date such as 2026-12-15");
                }
            }
            RootCauseAnalysis.Status status = m.choice("status", RootCauseAnalysis.Status.OPEN,
                    s -> java.util.Arrays.stream(RootCauseAnalysis.Status.values())
                            .filter(v -> v.name().equalsIgnoreCase(s)).findFirst(), "OPEN, DONE");
            if (description != null) {
                measures.add(new PreventionMeasure(description, owner, due, status));
            }
        }
        return measures;
    }
}

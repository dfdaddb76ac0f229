package dev.vigil.alerting;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/rules}: alert rules as JSON, their history, and the whole set as YAML. Authorization
 * is on {@link AlertingManagement}.
 */
@RestController
@RequestMapping("/api/v1/rules")
@Tag(name = "Alert rules")
class RulesController {

    static final String YAML = "application/yaml";
    private final AlertingManagement alerting;

    RulesController(AlertingManagement alerting) {
        this.alerting = alerting;
    }

    @GetMapping
    @Operation(summary = "List rules (by name), each with its state, last value and last evaluation")
    PageResponse<Map<String, Object>> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 1000);
        List<Map<String, Object>> content = alerting.rules(page, size).stream()
                .map(r -> withStatus(alerting.ruleStatus(r.id()))).toList();
        return PageResponse.of(content, page, size, alerting.ruleCount());
    }

    @PostMapping
    @Operation(summary = "Create a rule; 400 names every invalid field and nothing is saved")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
        AlertRule rule = alerting.createRule(body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/rules/" + rule.id())
                .body(withStatus(alerting.ruleStatus(rule.id())));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return withStatus(alerting.ruleStatus(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a rule (its id stays); 400 names every invalid field and nothing is saved")
    Map<String, Object> update(@PathVariable String id, @RequestBody JsonNode body) {
        alerting.updateRule(id, body);
        return withStatus(alerting.ruleStatus(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        alerting.deleteRule(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "State transitions of the rule's alerts, newest first, with the value and time that caused each")
    PageResponse<AlertTransition> history(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 1000);
        return PageResponse.of(alerting.history(id, page, size), page, size, alerting.historyCount(id));
    }

    @GetMapping(value = "/export", produces = {YAML, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Every rule as one YAML document (rules as code)")
    ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"vigil-rules.yaml\"")
                .contentType(MediaType.parseMediaType(YAML))
                .body(alerting.exportYaml());
    }

    @PostMapping(value = "/import", consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Create or replace the document's rules (matched by id, else name), all or none; "
            + "errors name the YAML line")
    AlertingManagement.ImportSummary importYaml(@RequestBody String yaml) {
        return alerting.importYaml(yaml);
    }

    /** The rule document plus read-only status fields. */
    private static Map<String, Object> withStatus(RuleStatus status) {
        Map<String, Object> body = RuleJson.JSON.convertValue(RuleJson.tree(status.rule()),
                new tools.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {
                });
        body.put("state", status.state());
        body.put("lastValue", status.lastValue());
        body.put("lastEvaluatedAt", status.lastEvaluatedAt());
        body.put("instances", status.instances());
        return body;
    }
}

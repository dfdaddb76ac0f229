package dev.vigil.oncall;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vigil.base.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;

/**
 * The same five operations for teams, services, escalation policies and schedules; each subclass maps
 * one path. Documents are found by id or name. Authorization is on {@link OnCallManagement}.
 */
abstract class DocumentsController {

    private final OnCallManagement oncall;
    private final OnCallResource kind;

    DocumentsController(OnCallManagement oncall, OnCallResource kind) {
        this.oncall = oncall;
        this.kind = kind;
    }

    @GetMapping
    @Operation(summary = "List by name")
    PageResponse<JsonNode> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 1000);
        return PageResponse.of(oncall.list(kind, page, size), page, size, oncall.count(kind));
    }

    @PostMapping
    @Operation(summary = "Create (the id is given or made from the name); 400 names every invalid field and nothing is saved")
    ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
        JsonNode created = oncall.create(kind, body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/" + kind.path() + "/" + created.get("id").asString())
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one by id or name")
    JsonNode get(@PathVariable String id) {
        return oncall.get(kind, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace one (its id stays); 400 names every invalid field and nothing is saved")
    JsonNode update(@PathVariable String id, @RequestBody JsonNode body) {
        return oncall.update(kind, id, body);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one that nothing else uses")
    ResponseEntity<Void> delete(@PathVariable String id) {
        oncall.delete(kind, id);
        return ResponseEntity.noContent().build();
    }
}

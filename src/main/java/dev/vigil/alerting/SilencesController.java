package dev.vigil.alerting;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/silences}: silences and maintenance windows. DELETE expires one (it stays listed). */
@RestController
@RequestMapping("/api/v1/silences")
@Tag(name = "Silences")
class SilencesController {

    private final AlertingManagement alerting;

    SilencesController(AlertingManagement alerting) {
        this.alerting = alerting;
    }

    @GetMapping
    PageResponse<Silence> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 1000);
        return PageResponse.of(alerting.silences(page, size), page, size, alerting.silenceCount());
    }

    @PostMapping
    @Operation(summary = "Silence alerts matching every matcher from startsAt (default now) to endsAt (or for duration)")
    ResponseEntity<Silence> create(@RequestBody JsonNode body) {
        Silence silence = alerting.createSilence(body);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/silences/" + silence.id())
                .body(silence);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Expire a silence now")
    Silence expire(@PathVariable String id) {
        return alerting.expireSilence(id);
    }
}

package dev.vigil.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

/**
 * {@code /api/v1/schedules}: rotation layers and overrides (see {@link ScheduleJson}), the shifts they
 * make, and overrides added or removed one at a time.
 */
@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Schedules")
class SchedulesController extends DocumentsController {

    private final OnCallManagement oncall;
    private final Clock clock;

    SchedulesController(OnCallManagement oncall, Clock clock) {
        super(oncall, OnCallResource.SCHEDULES);
        this.oncall = oncall;
        this.clock = clock;
    }

    @GetMapping("/{id}/shifts")
    @Operation(summary = "Who is on call from when to when over [from, to) (default: the next 14 days)")
    PageResponse<Shift> shifts(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant start = OnCallController.instant("from", from, clock.instant());
        Instant end = OnCallController.instant("to", to, start.plus(Duration.ofDays(14)));
        List<Shift> shifts = oncall.shifts(id, start, end);
        return PageResponse.of(shifts, 0, Math.max(1, shifts.size()), shifts.size());
    }

    @PostMapping("/{id}/overrides")
    @Operation(summary = "Add an override {user, start, end}: the user is on call then, whatever the layers say")
    ResponseEntity<ScheduleOverride> addOverride(@PathVariable String id, @RequestBody JsonNode body) {
        ScheduleOverride added = oncall.addOverride(id, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping("/{id}/overrides/{overrideId}")
    ResponseEntity<Void> removeOverride(@PathVariable String id, @PathVariable String overrideId) {
        oncall.removeOverride(id, overrideId);
        return ResponseEntity.noContent().build();
    }
}

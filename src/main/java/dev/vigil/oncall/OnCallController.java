package dev.vigil.oncall;

import java.time.Clock;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/oncall?at=T}: who is on call per schedule, and whom each policy pages first. */
@RestController
@Tag(name = "On-call")
class OnCallController {

    private final OnCallManagement oncall;
    private final Clock clock;

    OnCallController(OnCallManagement oncall, Clock clock) {
        this.oncall = oncall;
        this.clock = clock;
    }

    @GetMapping("/api/v1/oncall")
    @Operation(summary = "Who is on call at T (ISO-8601 instant or epoch milliseconds; default now)")
    OnCallOverview onCall(@RequestParam(required = false) String at) {
        return oncall.onCall(instant("at", at, clock.instant()));
    }

    /** A query parameter given as an ISO-8601 instant (or with an offset) or as epoch milliseconds. */
    static Instant instant(String name, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (text.matches("-?\\d{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        Instant parsed = ScheduleJson.instant(text);
        if (parsed == null) {
            throw new InvalidRequestException("/" + name, "must be an ISO-8601 instant such as 2026-11-27T10:00:00Z "
                    + "or epoch milliseconds");
        }
        return parsed;
    }
}

package dev.vigil.security;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/audit}: the audit log, newest first, and {@code /api/v1/audit.csv} (admins only). */
@RestController
@Tag(name = "Audit log")
class AuditController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit rows, newest first; action is a prefix (user. finds every user change), "
            + "from inclusive and to exclusive (ISO-8601)")
    PageResponse<AuditEntry> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 1000);
        AuditFilter filter = filter(actor, action, targetType, targetId, from, to);
        return PageResponse.of(audit.page(filter, page * size, size), page, size, audit.count(filter));
    }

    @GetMapping("/api/v1/audit.csv")
    @Operation(summary = "The same rows as CSV, oldest first, all of them (id,at,actor,actor_type,action,"
            + "target_type,target_id,before,after)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        byte[] body = audit.csv(filter(actor, action, targetType, targetId, from, to));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vigil-audit.csv\"").body(body);
    }

    private static AuditFilter filter(String actor, String action, String targetType, String targetId, String from,
            String to) {
        return new AuditFilter(blankToNull(actor), blankToNull(action), blankToNull(targetType),
                blankToNull(targetId), instant("/from", from), instant("/to", to));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String pointer, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(pointer, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}

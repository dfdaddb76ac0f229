package dev.vigil.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/reports}: a report of any period as JSON, PDF or CSV, and the archive of scheduled
 * ones. Authorization is on {@link ReportingManagement}.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportsController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private final ReportingManagement reporting;

    ReportsController(ReportingManagement reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/archive")
    @Operation(summary = "Archived reports, newest period first")
    PageResponse<ArchivedReport> archive(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size, 500);
        return PageResponse.of(reporting.archive(page, size), page, size, reporting.archiveCount());
    }

    @GetMapping("/archive/{id}")
    @Operation(summary = "An archived report as it was generated (JSON)")
    ResponseEntity<byte[]> archived(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reporting.archivedBody(id, "json"));
    }

    @GetMapping("/archive/{id}.pdf")
    ResponseEntity<byte[]> archivedPdf(@PathVariable long id) {
        return file(reporting.archivedBody(id, "pdf"), MediaType.APPLICATION_PDF, name(reporting.archived(id)) + ".pdf");
    }

    @GetMapping("/archive/{id}.csv")
    ResponseEntity<byte[]> archivedCsv(@PathVariable long id) {
        return file(reporting.archivedBody(id, "csv"), CSV, name(reporting.archived(id)) + ".csv");
    }

    @GetMapping("/archive/{id}/audit.csv")
    @Operation(summary = "The audit log archived with an overall report: every change of its period (admins only)")
    ResponseEntity<byte[]> archivedAudit(@PathVariable long id) {
        byte[] body = reporting.archivedAuditCsv(id);
        return file(body, CSV, name(reporting.archived(id)) + "-audit.csv");
    }

    @GetMapping("/{period}/audit.csv")
    @Operation(summary = "Every change made in the period as CSV, oldest first: the audit log that goes with the "
            + "period's reports (admins only)")
    ResponseEntity<byte[]> audit(@PathVariable String period, @RequestParam Optional<String> date) {
        Period kind = Period.fromApiName(period).orElseThrow(() -> new InvalidRequestException("/period",
                "must be daily, weekly or monthly"));
        LocalDate day;
        try {
            day = date.map(LocalDate::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("/date", "must be a date like 2026-11-01");
        }
        return file(reporting.auditCsv(kind, day), CSV, "vigil-" + kind.apiName() + "-" + date.orElse("last")
                + "-audit.csv");
    }

    @GetMapping("/{period}")
    @Operation(summary = "The report of the daily, weekly or monthly period containing 'date' (default: the last "
            + "complete one), for one service or all; 400 names a bad period, date or service")
    ResponseEntity<byte[]> json(@PathVariable String period, @RequestParam Optional<String> date,
            @RequestParam Optional<String> service) {
        Report report = report(period, date, service);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reporting.json(report));
    }

    @GetMapping("/{period}.pdf")
    @Operation(summary = "The same report as PDF, with charts")
    ResponseEntity<byte[]> pdf(@PathVariable String period, @RequestParam Optional<String> date,
            @RequestParam Optional<String> service) {
        Report report = report(period, date, service);
        return file(reporting.pdf(report), MediaType.APPLICATION_PDF, name(report) + ".pdf");
    }

    @GetMapping("/{period}.csv")
    @Operation(summary = "The same report as CSV: section,item,value,unit,previous,target,detail")
    ResponseEntity<byte[]> csv(@PathVariable String period, @RequestParam Optional<String> date,
            @RequestParam Optional<String> service) {
        Report report = report(period, date, service);
        return file(reporting.csv(report), CSV, name(report) + ".csv");
    }

    private Report report(String period, Optional<String> date, Optional<String> service) {
        List<FieldViolation> violations = new ArrayList<>();
        Optional<Period> kind = Period.fromApiName(period);
        if (kind.isEmpty()) {
            violations.add(new FieldViolation("/period", "must be daily, weekly or monthly"));
        }
        LocalDate day = null;
        if (date.isPresent()) {
            try {
                day = LocalDate.parse(date.get());
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("/date", "must be a date like 2026-11-01"));
            }
        }
        if (service.isPresent() && !TargetRules.validService(service.get())) {
            violations.add(new FieldViolation("/service", "must be a service name (letters, digits, '_', '.', ':', '-')"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The report request is invalid", violations);
        }
        return reporting.report(kind.orElseThrow(), day, service.orElse(null));
    }

    private static String name(Report r) {
        return name(r.period(), r.start(), r.service());
    }

    private static String name(ArchivedReport r) {
        return name(r.period(), r.start(), r.service());
    }

    private static String name(Period period, LocalDate start, String service) {
        return "vigil-" + period.apiName() + "-" + start + "-" + (service == null ? "all" : service);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}

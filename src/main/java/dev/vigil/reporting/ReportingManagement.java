package dev.vigil.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;
import dev.vigil.security.AuditTrail;
import dev.vigil.security.Caller;
import dev.vigil.security.SecurityManagement;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting module's door: reports of any period (JSON, PDF, CSV), the archive of scheduled ones,
 * and each service's targets, budgets and goals. Reports are for managers (or {@code api:read});
 * targets may be read by any responder (the dashboard shows them) and changed by a manager (or
 * {@code api:write}).
 */
@Service
@EnableConfigurationProperties(ReportingProperties.class)
public class ReportingManagement {

    static final String READ_REPORTS = "hasAnyAuthority('SCOPE_api:read', 'ROLE_MANAGER')";
    static final String READ_TARGETS = "hasAnyAuthority('SCOPE_api:read', 'ROLE_RESPONDER')";
    static final String WRITE_TARGETS = "hasAnyAuthority('SCOPE_api:write', 'ROLE_MANAGER')";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportBuilder builder;
    private final ArchiveStore archive;
    private final TargetStore targets;
    private final SecurityManagement security;
    private final ReportingProperties properties;
    private final StatusBoards boards;
    private final AuditTrail audit;
    private final Clock clock;

    ReportingManagement(ReportBuilder builder, ArchiveStore archive, TargetStore targets, SecurityManagement security,
            ReportingProperties properties, StatusBoards boards, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.boards = boards;
        this.builder = builder;
        this.archive = archive;
        this.targets = targets;
        this.security = security;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The report of the period of this kind that contains {@code date} (null: the last complete one), for
     * one service or all ({@code null}). A period still running gives provisional figures.
     */
    @PreAuthorize(READ_REPORTS)
    public Report report(Period period, LocalDate date, String service) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (date != null && date.isAfter(today)) {
            violations.add(new FieldViolation("/date", "must not be after today (" + today + " in "
                    + properties.zone() + ")"));
        }
        if (service != null && !builder.services().contains(service)) {
            violations.add(new FieldViolation("/service", "is not a known service (none of its API metrics or "
                    + "targets are stored)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The report request is invalid", violations);
        }
        return builder.build(window(period, date), service);
    }

    /**
     * The changes made in the period of this kind that contains {@code date} (null: the last complete one)
     * as CSV, oldest first: the audit log that goes with that period's reports (admins only).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public byte[] auditCsv(Period period, LocalDate date) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (date != null && date.isAfter(today)) {
            throw new InvalidRequestException("/date", "must not be after today (" + today + " in " + properties.zone()
                    + ")");
        }
        ReportWindow window = window(period, date);
        return audit.csvForReportArchive(window.from(), window.to());
    }

    /** The audit log archived with an overall report (admins only); 404 for a service's report. */
    @PreAuthorize("hasRole('ADMIN')")
    public byte[] archivedAuditCsv(long id) {
        return archive.body(id, ArchiveStore.Format.AUDIT_CSV).orElseThrow(() -> new NotFoundException(
                "Archived report " + id + " has no audit log: only the overall report of a period keeps one"));
    }

    private ReportWindow window(Period period, LocalDate date) {
        return date == null ? ReportWindow.lastComplete(period, clock.instant(), properties.zone())
                : ReportWindow.containing(period, date, properties.zone());
    }

    /** The report as PDF, charts included. */
    public byte[] pdf(Report report) {
        return ReportPdf.render(report);
    }

    /** The report as CSV, one figure per row ({@code section,item,value,unit,previous,target,detail}). */
    public byte[] csv(Report report) {
        return ReportCsv.render(report);
    }

    /** The report as the JSON the API returns and the archive keeps. */
    public byte[] json(Report report) {
        return ReportJson.render(report);
    }

    /** Services a report can be made for: those with API metrics or targets. */
    @PreAuthorize(READ_TARGETS)
    public List<String> services() {
        return builder.services();
    }

    /** The zone report periods follow. */
    public ZoneId zone() {
        return properties.zone();
    }

    @PreAuthorize(READ_REPORTS)
    public List<ArchivedReport> archive(int page, int size) {
        return archive.page(page * size, size);
    }

    @PreAuthorize(READ_REPORTS)
    public long archiveCount() {
        return archive.count();
    }

    @PreAuthorize(READ_REPORTS)
    public ArchivedReport archived(long id) {
        return archive.find(id).orElseThrow(() -> notArchived(id));
    }

    /** An archived report as it was generated. */
    @PreAuthorize(READ_REPORTS)
    public Report archivedReport(long id) {
        return JSON.readValue(archivedBody(id, "json"), Report.class);
    }

    /** The stored rendering: {@code json}, {@code pdf} or {@code csv}. */
    @PreAuthorize(READ_REPORTS)
    public byte[] archivedBody(long id, String format) {
        ArchiveStore.Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> ArchiveStore.Format.JSON;
            case "pdf" -> ArchiveStore.Format.PDF;
            case "csv" -> ArchiveStore.Format.CSV;
            default -> throw new InvalidRequestException("/format", "must be json, pdf or csv");
        };
        return archive.body(id, f).orElseThrow(() -> notArchived(id));
    }

    /**
     * Every service's KPIs of the last minutes against its targets, and the overall status; at most a few
     * seconds old (shared by all dashboards of this node).
     */
    @PreAuthorize(READ_TARGETS)
    public StatusBoard statusBoard() {
        return boards.fresh();
    }

    @PreAuthorize(READ_TARGETS)
    public Optional<ServiceTargets> targets(String service) {
        return targets.find(service);
    }

    /**
     * Replaces a service's targets and goals; every invalid field is reported and nothing is stored.
     * The time and the caller are recorded.
     */
    @PreAuthorize(WRITE_TARGETS)
    @Transactional
    public ServiceTargets saveTargets(ServiceTargets proposed) {
        List<FieldViolation> violations = TargetRules.check(proposed);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.size() + " invalid target field(s); nothing was stored",
                    violations);
        }
        ServiceTargets stamped = new ServiceTargets(proposed.service(), proposed.responseTimeBudgetMs(),
                proposed.p95TargetMs(), proposed.availabilityTargetPct(), proposed.sloAvailabilityPct(),
                proposed.errorRateTargetPct(), proposed.throughputCapacityRps(), proposed.goals(), clock.instant(),
                security.currentCaller().map(Caller::name).orElse("anonymous"));
        ServiceTargets before = targets.find(stamped.service()).orElse(null);
        targets.save(stamped);
        ServiceTargets after = targets.find(stamped.service()).orElseThrow();
        audit.record("targets.updated", "service-targets", after.service(), before, after);
        return after;
    }

    private static NotFoundException notArchived(long id) {
        return new NotFoundException("No archived report " + id);
    }
}

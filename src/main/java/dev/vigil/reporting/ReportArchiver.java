package dev.vigil.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vigil.security.AuditTrail;

/**
 * Generates the reports of a period that just ended (overall and one per service), archives each with
 * its JSON, PDF and CSV (the overall one also with the period's audit log), and publishes {@link ReportPublished} in the transaction that archived it, so
 * the announcement exists exactly when the report does. A report already archived is not made again:
 * a job that fires twice (misfire catch-up, two nodes racing) publishes once.
 */
@Component
class ReportArchiver {

    private static final Logger log = LoggerFactory.getLogger(ReportArchiver.class);

    private final ReportBuilder builder;
    private final ArchiveStore archive;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final String publicUrl;

    ReportArchiver(ReportBuilder builder, ArchiveStore archive, ApplicationEventPublisher events,
            TransactionTemplate transactions, AuditTrail audit, @Value("${vigil.public-url}") String publicUrl) {
        this.audit = audit;
        this.builder = builder;
        this.archive = archive;
        this.events = events;
        this.transactions = transactions;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Every report of the window: overall first, then each service. One failing does not stop the rest. */
    List<ReportPublished> archiveAll(ReportWindow window) {
        List<String> services = new ArrayList<>();
        services.add(null);
        services.addAll(builder.services());
        List<ReportPublished> published = new ArrayList<>();
        for (String service : services) {
            try {
                archive(window, service).ifPresent(published::add);
            } catch (RuntimeException e) {
                log.error("Could not generate the {} report of {} for {}", window.period().apiName(), window.start(),
                        service == null ? "all services" : service, e);
            }
        }
        return published;
    }

    /** Archives one report and publishes it; empty if it was archived before. */
    Optional<ReportPublished> archive(ReportWindow window, String service) {
        if (archive.exists(window, service)) {
            return Optional.empty();
        }
        Report report = builder.build(window, service);
        byte[] json = ReportJson.render(report);
        byte[] pdf = ReportPdf.render(report);
        byte[] csv = ReportCsv.render(report);
        byte[] auditCsv = service == null ? audit.csvForReportArchive(report.from(), report.to()) : null;
        try {
            return Optional.ofNullable(transactions.execute(status -> {
                long id = archive.insert(report, json, pdf, csv, auditCsv);
                ReportPublished event = new ReportPublished(id, report.period(), service, report.from(), report.to(),
                        report.title(), publicUrl + "/reports?archive=" + id);
                events.publishEvent(event);
                return event;
            }));
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
    }
}

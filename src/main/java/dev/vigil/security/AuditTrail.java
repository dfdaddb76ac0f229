package dev.vigil.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of every change (spec.md). Modules call {@link #record} from the method that makes the
 * change; the row joins that transaction, so a change that is refused or rolls back leaves no trace and
 * a change that commits always has one. Only admins read the log.
 */
@Service
public class AuditTrail {

    private final AuditRepository log;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(AuditRepository log, JsonMapper json, Clock clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change by the current caller (a user, an API token, or {@code system} on scheduler
     * threads). {@code before} and {@code after} are the module's own record, map or JSON document (null
     * where there is none); fields that look like secrets are masked, but better not to pass them.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String targetType, String targetId, Object before, Object after) {
        Caller caller = CurrentCaller.get().orElse(null);
        recordAs(caller == null ? "system" : caller.name(), caller == null ? "system" : caller.type(), action,
                targetType, targetId, before, after);
    }

    /** Records a change made on someone's behalf without a login, e.g. through an SMS's one-tap link. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, String actorType, String action, String targetType, String targetId,
            Object before, Object after) {
        log.insert(clock.instant(), actor, actorType, action, targetType, targetId, AuditJson.write(json, before),
                AuditJson.write(json, after));
    }

    /** Newest first. */
    @RolesAllowed("ADMIN")
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return log.page(filter, offset, limit);
    }

    @RolesAllowed("ADMIN")
    public long count(AuditFilter filter) {
        return log.count(filter);
    }

    /** Every row the filter selects as CSV, oldest first ({@link AuditCsv#HEADER}). */
    @RolesAllowed("ADMIN")
    public byte[] csv(AuditFilter filter) {
        return AuditCsv.render((afterId, size) -> log.chronological(filter, afterId, size));
    }

    /**
     * The changes of {@code [from, to)} as CSV, for the report archive, which keeps it with the period's
     * reports and gives it to admins only. Unchecked because the scheduled job that archives has no caller.
     */
    public byte[] csvForReportArchive(Instant from, Instant to) {
        AuditFilter period = new AuditFilter(null, null, null, null, from, to);
        return AuditCsv.render((afterId, size) -> log.chronological(period, afterId, size));
    }
}

package dev.vigil.incident;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vigil.alerting.Severity;
import dev.vigil.base.selfcheck.Finding;
import dev.vigil.base.selfcheck.SelfAlarm;
import dev.vigil.base.selfcheck.SelfMonitoringProperties;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.Recipient;
import dev.vigil.security.Role;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;

/**
 * Vigil's own incidents, opened and resolved on the watchdog's thread. Opening goes through the usual
 * dedup path (one open incident per {@code vigil-self:<check>} however many nodes see the problem) and
 * pages in the same transaction: the incident process runs synchronously up to its first wait state, its
 * notify step writes the outbox, and the notification module's delivery threads send it. None of that
 * needs Quartz or Flowable's job executor, which is what stalled. When nobody on the service's first
 * escalation level has a phone, the admins who have one are paged as well.
 */
@Component
class SelfIncidents implements SelfAlarm {

    private static final Logger log = LoggerFactory.getLogger(SelfIncidents.class);
    private static final String ACTOR = "vigil";

    private final IncidentRepository incidents;
    private final IncidentLifecycle lifecycle;
    private final Paging paging;
    private final OnCallManagement oncall;
    private final SecurityManagement security;
    private final SelfMonitoringProperties properties;
    private final TransactionTemplate transactions;
    private final String node = hostName();

    SelfIncidents(IncidentRepository incidents, IncidentLifecycle lifecycle, Paging paging, OnCallManagement oncall,
            SecurityManagement security, SelfMonitoringProperties properties, TransactionTemplate transactions) {
        this.incidents = incidents;
        this.lifecycle = lifecycle;
        this.paging = paging;
        this.oncall = oncall;
        this.security = security;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    public void sound(List<Finding> findings) {
        for (Finding finding : findings) {
            Optional<Incident> open = incidents.findOpen(finding.dedupKey());
            if (finding.failing() && open.isEmpty()) {
                transactions.executeWithoutResult(tx -> open(finding));
            } else if (!finding.degraded() && open.isPresent()) {
                // only a clean finding resolves: a node that just started may not yet see a stall others see
                lifecycle.resolve(open.get().number(), ACTOR, true, finding.title() + " is healthy again: "
                        + finding.summary());
                log.info("{} recovered; resolved {}", finding.title(), open.get().id());
            }
        }
    }

    private void open(Finding finding) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("check", finding.key());
        details.put("since", finding.since().toString());
        details.put("summary", finding.summary());
        details.put("seenBy", node);
        IncidentLifecycle.Triggered triggered = lifecycle.trigger(new TriggerRequest(finding.dedupKey(),
                finding.title() + " stalled since " + Finding.time(finding.since()), properties.service(),
                Severity.CRITICAL, IncidentSource.SELF_MONITORING, null, null, null, null, details), ACTOR);
        if (triggered.opened()) {
            paging.pageAdminsIfNobodyHasAPhone(triggered.incident(), admins());
            log.error("{}; opened {}", finding.summary(), triggered.incident().id());
        }
    }

    private List<Recipient> admins() {
        return security.userDirectory().stream().filter(u -> u.enabled() && u.roles().contains(Role.ADMIN))
                .map(UserSummary::username).map(oncall::recipient).flatMap(Optional::stream).toList();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}

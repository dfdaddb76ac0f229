package dev.vigil.incident;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.notification.AcknowledgeLinkRedemption;
import dev.vigil.notification.NotificationManagement;
import dev.vigil.security.AuditTrail;

/**
 * Acknowledges through the SMS's one-tap link: the link is used up and the acknowledgement recorded in
 * one transaction, so a link is spent exactly when its acknowledgement counts. The person is the one the
 * link was sent to; no login is needed, the signed single-use token stands in for it.
 */
@Component
class OneTapAcknowledgement {

    enum Outcome { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, ALREADY_RESOLVED, INVALID, EXPIRED, USED }

    record Result(Outcome outcome, Incident incident, AcknowledgeLinkRedemption link) {
    }

    private final NotificationManagement notifications;
    private final IncidentRepository incidents;
    private final IncidentLifecycle lifecycle;
    private final AuditTrail audit;

    OneTapAcknowledgement(NotificationManagement notifications, IncidentRepository incidents,
            IncidentLifecycle lifecycle, AuditTrail audit) {
        this.audit = audit;
        this.notifications = notifications;
        this.incidents = incidents;
        this.lifecycle = lifecycle;
    }

    @Transactional
    Result acknowledge(String token) {
        AcknowledgeLinkRedemption link = notifications.redeemAcknowledgeLink(token);
        Optional<Incident> incident = link.incidentId() == null ? Optional.empty()
                : incidents.find(Incident.number(link.incidentId()));
        return switch (link.status()) {
            case INVALID -> new Result(Outcome.INVALID, null, link);
            case EXPIRED -> new Result(Outcome.EXPIRED, incident.orElse(null), link);
            case USED -> new Result(Outcome.USED, incident.orElse(null), link);
            case VALID -> acknowledge(incident.orElseThrow(), link);
        };
    }

    private Result acknowledge(Incident incident, AcknowledgeLinkRedemption link) {
        if (incident.status() == IncidentStatus.ACKNOWLEDGED) {
            return new Result(Outcome.ALREADY_ACKNOWLEDGED, incident, link);
        }
        if (!incident.status().open()) {
            return new Result(Outcome.ALREADY_RESOLVED, incident, link);
        }
        Incident acknowledged = lifecycle.acknowledge(incident.number(), link.username());
        // Nobody is logged in: the person the link was sent to acted, vouched for by the signed link.
        audit.recordAs(link.username(), "user", "incident.acknowledged", "incident", incident.id(),
                IncidentManagement.auditState(incident), IncidentManagement.auditState(acknowledged));
        return new Result(Outcome.ACKNOWLEDGED, acknowledged, link);
    }
}

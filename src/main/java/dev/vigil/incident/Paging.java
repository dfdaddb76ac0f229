package dev.vigil.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.vigil.notification.NotificationManagement;
import dev.vigil.notification.NotificationRequest;
import dev.vigil.oncall.EscalationLevel;
import dev.vigil.oncall.EscalationPlan;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.Recipient;
import dev.vigil.oncall.ServiceInfo;

/**
 * Who gets told what about an incident: the current escalation level, the manager once the policy is
 * exhausted, reminders. Each message is requested from the notification module (an outbox row in the
 * same transaction) and written to the timeline. A silenced incident pages nobody; the timeline says so.
 */
@Component
class Paging {

    private final OnCallManagement oncall;
    private final NotificationManagement notifications;
    private final IncidentRepository incidents;
    private final TimelineRepository timeline;
    private final Clock clock;
    private final String publicUrl;

    Paging(OnCallManagement oncall, NotificationManagement notifications, IncidentRepository incidents,
            TimelineRepository timeline, Clock clock, @Value("${vigil.public-url}") String publicUrl) {
        this.oncall = oncall;
        this.notifications = notifications;
        this.incidents = incidents;
        this.timeline = timeline;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    EscalationPlan plan(Incident incident) {
        return oncall.escalationPlan(incident.escalationPolicy(), clock.instant());
    }

    /**
     * Pages level {@code level} (0-based) of the incident's policy as it stands now.
     *
     * @return how long the level has to acknowledge
     */
    Duration notifyLevel(long number, int level, int cycle) {
        Incident incident = incidents.find(number).orElseThrow();
        EscalationPlan plan = plan(incident);
        EscalationLevel current = plan.levels().get(Math.min(level, plan.levels().size() - 1));
        incidents.setEscalationLevel(number, level + 1);
        String round = cycle > 0 ? " (repeat " + cycle + ")" : "";
        send(incident, current.recipients(), level == 0 && cycle == 0 ? "page" : "escalation",
                "level " + (level + 1) + round);
        if (level == 0 && cycle == 0) {
            broadcast(incident);
        }
        return current.timeout();
    }

    /** Tells the team's SNS topic (if it has one) of a new incident: everyone subscribed hears, nobody is paged. */
    private void broadcast(Incident incident) {
        String topic = incident.service() == null ? null
                : oncall.service(incident.service()).map(ServiceInfo::broadcastTopic).orElse(null);
        if (topic == null || incident.silencedBy() != null) {
            return;
        }
        notifications.request(new NotificationRequest(incident.id(), null, "broadcast", subject(incident, "broadcast"),
                shortText(incident, "broadcast"), longText(incident, "your team's service"), false,
                List.of(new NotificationRequest.Address("TOPIC", topic))));
        timeline.append(incident.number(), clock.instant(), "vigil", "notification", "Broadcast to the team's topic");
    }

    /**
     * Pages the admins who have a phone when nobody in the incident's first level can be reached by one:
     * for Vigil's own incidents, which must reach someone however on-call is (not) set up.
     */
    void pageAdminsIfNobodyHasAPhone(Incident incident, List<Recipient> admins) {
        EscalationPlan plan = plan(incident);
        boolean reachable = !plan.levels().isEmpty() && plan.levels().getFirst().recipients().stream()
                .anyMatch(Paging::hasPhone);
        List<Recipient> withPhone = admins.stream().filter(Paging::hasPhone).toList();
        if (!reachable && !withPhone.isEmpty()) {
            send(incident, withPhone, "page", "admin: nobody on call for " + incident.service() + " has a phone");
        }
    }

    private static boolean hasPhone(Recipient recipient) {
        return recipient.contactMethods().stream().anyMatch(c -> c.type().equals(dev.vigil.oncall.ContactMethod.SMS));
    }

    void notifyManagers(long number) {
        Incident incident = incidents.find(number).orElseThrow();
        send(incident, plan(incident).managers(), "manager", "nobody acknowledged; escalation policy exhausted");
    }

    void remindToResolve(long number) {
        Incident incident = incidents.find(number).orElseThrow();
        send(incident, assigneeOrLevelOne(incident), "reminder", "still unresolved");
    }

    void remindRcaOverdue(long number) {
        Incident incident = incidents.find(number).orElseThrow();
        List<Recipient> owners = new java.util.ArrayList<>(assigneeOrLevelOne(incident));
        owners.addAll(plan(incident).managers());
        send(incident, owners, "rca-overdue", "root-cause analysis overdue");
    }

    private List<Recipient> assigneeOrLevelOne(Incident incident) {
        EscalationPlan plan = plan(incident);
        List<Recipient> all = plan.levels().stream().flatMap(l -> l.recipients().stream()).toList();
        if (incident.assignee() != null) {
            List<Recipient> assignee = all.stream().filter(r -> r.username().equals(incident.assignee())).toList();
            return assignee.isEmpty() ? List.of(new Recipient(incident.assignee(), incident.assignee(), List.of()))
                    : assignee.subList(0, 1);
        }
        return plan.levels().isEmpty() ? List.of() : plan.levels().getFirst().recipients();
    }

    private void send(Incident incident, List<Recipient> recipients, String kind, String why) {
        Instant now = clock.instant();
        if (incident.silencedBy() != null) {
            timeline.append(incident.number(), now, "vigil", "silenced",
                    "Not paged (" + why + "): silenced by " + incident.silencedBy());
            return;
        }
        if (recipients.isEmpty()) {
            timeline.append(incident.number(), now, "vigil", "notification",
                    "Nobody to notify (" + why + "): the escalation policy resolves to no one");
            return;
        }
        String text = shortText(incident, kind);
        String subject = subject(incident, kind);
        String details = longText(incident, why);
        boolean acknowledgeLink = incident.acknowledgedAt() == null && !kind.equals("reminder") && !kind.equals("rca-overdue");
        for (Recipient r : recipients.stream().distinct().toList()) {
            notifications.request(new NotificationRequest(incident.id(), r.username(), kind, subject, text, details,
                    acknowledgeLink,
                    r.contactMethods().stream().map(c -> new NotificationRequest.Address(c.type(), c.address())).toList()));
            timeline.append(incident.number(), now, "vigil", "notification",
                    "Notified " + r.displayName() + " (" + why + ")");
        }
    }

    /**
     * The SMS of spec.md without its link: {@code [Vigil] CRITICAL INC-42 checkout p95 812ms > 500ms};
     * the notification module adds the one-tap acknowledge link (or the incident's link).
     */
    String shortText(Incident incident, String kind) {
        String prefix = switch (kind) {
            case "reminder" -> "[Vigil] Reminder: ";
            case "rca-overdue" -> "[Vigil] RCA overdue: ";
            default -> "[Vigil] ";
        };
        return prefix + incident.severity().name().toUpperCase(Locale.ROOT) + " " + incident.id() + " "
                + incident.title();
    }

    private static String subject(Incident incident, String kind) {
        String what = switch (kind) {
            case "reminder" -> "Reminder: ";
            case "rca-overdue" -> "RCA overdue: ";
            case "manager" -> "Nobody acknowledged: ";
            default -> "";
        };
        return "[Vigil] " + what + incident.severity().name().toUpperCase(Locale.ROOT) + " " + incident.id() + " "
                + incident.title();
    }

    /** What topics and webhooks get besides the short text: enough to act without opening Vigil. */
    private static String longText(Incident incident, String why) {
        StringBuilder text = new StringBuilder()
                .append(incident.title()).append('\n')
                .append("Service: ").append(incident.service()).append('\n')
                .append("Severity: ").append(incident.severity().name().toLowerCase(Locale.ROOT)).append('\n')
                .append("Status: ").append(incident.status().name().toLowerCase(Locale.ROOT)).append('\n')
                .append("Triggered: ").append(incident.triggeredAt()).append('\n')
                .append("Alerts: ").append(incident.alertCount()).append('\n')
                .append("Why you: ").append(why);
        if (incident.runbookUrl() != null) {
            text.append('\n').append("Runbook: ").append(incident.runbookUrl());
        }
        return text.toString();
    }
}

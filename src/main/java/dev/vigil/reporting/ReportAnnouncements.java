package dev.vigil.reporting;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.vigil.notification.NotificationManagement;

/**
 * Announces every archived report (spec.md: "announced on an SNS topic with a link"): the notification
 * module publishes it on the announcement topic, or to the log channel where none is configured. Done as
 * a listener so a report is archived even while the announcement waits for a retry.
 */
@Component
class ReportAnnouncements {

    private final NotificationManagement notifications;

    ReportAnnouncements(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(ReportPublished report) {
        notifications.announce(report.title() + " is ready",
                "Vigil has archived the " + report.period().name().toLowerCase(java.util.Locale.ROOT) + " report for "
                        + (report.service() == null ? "all services" : report.service()) + ", " + report.from() + " to "
                        + report.to() + ".",
                report.link());
    }
}

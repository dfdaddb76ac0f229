package dev.vigil.incident;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.vigil.notification.NotificationFailed;

/** Writes a failed notification into its incident's timeline, with where it went next. */
@Component
class NotificationFailures {

    private final TimelineRepository timeline;
    private final Clock clock;

    NotificationFailures(TimelineRepository timeline, Clock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(NotificationFailed failed) {
        if (failed.incidentId() == null) {
            return;
        }
        String next = failed.fallbackChannel() == null ? "no other contact method left"
                : "trying " + failed.fallbackChannel() + " next";
        timeline.append(Incident.number(failed.incidentId()), clock.instant(), "vigil", "notification-failed",
                "Notification to " + failed.recipient() + " by " + failed.channel() + " failed: " + failed.error()
                        + " (" + next + ")");
    }
}

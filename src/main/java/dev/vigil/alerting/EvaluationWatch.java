package dev.vigil.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

import dev.vigil.base.selfcheck.Finding;
import dev.vigil.base.selfcheck.SelfCheck;
import dev.vigil.base.selfcheck.SelfMonitoringProperties;

/**
 * Is rule evaluation keeping up? For every interval enabled rules use, the evaluation trigger's next planned
 * firing is read from the clustered job store (the same on every node): planned longer ago than the allowed
 * lag and not yet fired means every node's scheduler is stalled, stopped, paused or blocked by a hung cycle.
 * That this node's own scheduler is in standby or shut down is noted (shown, not paged: other nodes may be
 * evaluating).
 */
@Component
class EvaluationWatch extends SelfCheck {

    static final String KEY = "rule-evaluation";

    private final Scheduler scheduler;
    private final RuleRepository rules;
    private final SelfMonitoringProperties properties;

    EvaluationWatch(Scheduler scheduler, RuleRepository rules, SelfMonitoringProperties properties, Clock clock) {
        super(KEY, "Rule evaluation", clock);
        this.scheduler = scheduler;
        this.rules = rules;
        this.properties = properties;
    }

    @Override
    public Finding check(Instant now) {
        try {
            String notes = localScheduler();
            List<Duration> intervals = rules.enabledIntervals();
            Instant lastCycle = null;
            Duration worstLag = Duration.ZERO;
            List<String> late = new ArrayList<>();
            Instant lateSince = null;
            boolean overdueBeforeStart = false;
            for (Duration interval : intervals) {
                TriggerKey key = TriggerKey.triggerKey(EvaluationScheduler.jobFor(interval).getName(), EvaluationScheduler.GROUP);
                Trigger trigger = scheduler.getTrigger(key);
                Instant due = trigger == null ? Instant.EPOCH : instant(trigger.getNextFireTime(), now);
                Instant planned = notBeforeStart(due);
                overdueBeforeStart |= Duration.between(due, now).compareTo(properties.allowedLag(interval)) > 0;
                if (trigger != null && trigger.getPreviousFireTime() != null) {
                    lastCycle = latest(lastCycle, trigger.getPreviousFireTime().toInstant());
                }
                Duration lag = Duration.between(planned, now);
                worstLag = lag.compareTo(worstLag) > 0 ? lag : worstLag;
                String problem = problem(trigger, key);
                if (lag.compareTo(properties.allowedLag(interval)) > 0) {
                    late.add("rules every " + interval.toString().substring(2).toLowerCase() + problem
                            + " not evaluated since " + Finding.time(planned));
                    lateSince = lateSince == null || planned.isBefore(lateSince) ? planned : lateSince;
                }
            }
            String progress = intervals.size() + " interval(s) of enabled rules; last cycle "
                    + (lastCycle == null ? "none yet" : Finding.time(lastCycle)) + "; lag " + worstLag.toSeconds() + " s";
            if (late.isEmpty()) {
                return fine("Evaluating on time: " + progress, overdueBeforeStart ? withNote(notes) : notes);
            }
            return failing(lateSince, "Rule evaluation stalled: " + String.join("; ", late)
                    + (notes.isEmpty() ? "" : " (" + notes + ")"), notes);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot read the evaluation triggers", e);
        }
    }

    private String problem(Trigger trigger, TriggerKey key) throws SchedulerException {
        if (trigger == null) {
            return " (no evaluation job)";
        }
        Trigger.TriggerState state = scheduler.getTriggerState(key);
        return switch (state) {
            case PAUSED -> " (trigger paused)";
            case ERROR -> " (trigger in error)";
            case BLOCKED -> " (previous cycle still running)";
            default -> "";
        };
    }

    private String localScheduler() throws SchedulerException {
        if (scheduler.isShutdown()) {
            return "the Quartz scheduler on this node is shut down";
        }
        if (scheduler.isInStandbyMode()) {
            return "the Quartz scheduler on this node is in standby";
        }
        return "";
    }

    private static Instant instant(Date date, Instant otherwise) {
        return date == null ? otherwise : date.toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}

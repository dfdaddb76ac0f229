package dev.vigil.base.selfcheck;

import java.time.Clock;
import java.time.Instant;

/**
 * One of Vigil's checks on itself, run by the {@link Watchdog} on its own thread every few seconds. A module
 * implements it for the part only it knows (alerting: rule evaluation; incident: Flowable's job executor),
 * so the watchdog needs none of their internals. A check must not wait on the part it watches, and counts a
 * stall from this node's start at the earliest ({@link #notBeforeStart}): work left overdue by downtime is
 * caught up, not paged.
 */
public abstract class SelfCheck {

    private final String key;
    private final String title;
    private final Instant started;

    /**
     * @param key the finding's key: short and stable, such as {@code rule-evaluation}
     * @param title what is checked, for people
     */
    protected SelfCheck(String key, String title, Clock clock) {
        this.key = key;
        this.title = title;
        this.started = clock.instant();
    }

    /** What the check finds now. */
    public abstract Finding check(Instant now);

    public final String key() {
        return key;
    }

    public final String title() {
        return title;
    }

    /** {@code at}, or this node's start if that is later. */
    protected final Instant notBeforeStart(Instant at) {
        return at.isAfter(started) ? at : started;
    }

    /**
     * {@code notes} plus the remark that work was overdue already when this node started: it is given the
     * allowed time from the start before it counts as stalled, and until then this node's finding is not
     * clean enough to resolve an incident another node opened.
     */
    protected final String withNote(String notes) {
        String remark = "work overdue since before this node started at " + Finding.time(started)
                + "; judged from then";
        return notes.isEmpty() ? remark : notes + "; " + remark;
    }

    protected final Finding fine(String summary, String notes) {
        return Finding.fine(key, title, summary, notes);
    }

    protected final Finding failing(Instant since, String summary, String notes) {
        return Finding.failing(key, title, since, summary, notes);
    }
}

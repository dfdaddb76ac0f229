package dev.vigil.base.selfcheck;

import java.time.Instant;

/**
 * What a {@link SelfCheck} found.
 *
 * @param key short, stable name of the problem ({@code rule-evaluation}); the self-incident's dedup key is
 *        {@code vigil-self:<key>}, the same on every node, so a cluster opens one incident per problem
 * @param title what is checked, for people ("Rule evaluation")
 * @param failing whether the part is stalled beyond its threshold: the watchdog opens an incident and pages
 * @param since when the stall began (the oldest overdue evaluation or job); null when not failing
 * @param summary one sentence: what is stalled and since when, or how it stands when fine
 * @param notes what this node sees that explains a failure but is no failure on its own (the local Quartz
 *        scheduler in standby, the local job executor stopped); empty when none
 */
public record Finding(String key, String title, boolean failing, Instant since, String summary, String notes) {

    public static final String DEDUP_PREFIX = "vigil-self:";

    public Finding {
        notes = notes == null ? "" : notes;
    }

    public static Finding fine(String key, String title, String summary, String notes) {
        return new Finding(key, title, false, null, summary, notes);
    }

    public static Finding failing(String key, String title, Instant since, String summary, String notes) {
        return new Finding(key, title, true, since, summary, notes);
    }

    /** The key the self-incident for this problem is opened and joined under. */
    public String dedupKey() {
        return DEDUP_PREFIX + key;
    }

    /** A moment as the summaries write it: {@code 2026-11-28 04:55:12 UTC}. */
    public static String time(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC");
    }

    /** Whether this node sees something amiss, failing or not: the dashboard shows it as degraded. */
    public boolean degraded() {
        return failing || !notes.isEmpty();
    }
}

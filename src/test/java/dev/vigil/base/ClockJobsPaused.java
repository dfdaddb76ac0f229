package dev.vigil.base;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Holds this node's Quartz scheduler in standby for a short stretch, so that rule evaluation, rollups and
 * the other clock-driven jobs do not write rows while a test counts what a request stored. The shared test
 * context keeps rules and metrics from earlier test classes, so without this an evaluation or a rollup that
 * happens to fire between two snapshots looks like a request that stored something.
 *
 * <p>Kept short (one endpoint's requests at a time) on purpose: a scheduler held back longer than the
 * self-monitoring lag would be a stall of its own. Misfired triggers fire once when it starts again.
 */
final class ClockJobsPaused implements AutoCloseable {

    private static final Duration RUNNING_JOBS_WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(120);

    private final Scheduler scheduler;

    private ClockJobsPaused(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Stops new firings and waits for the jobs already running to finish. */
    static ClockJobsPaused pause(Scheduler scheduler) throws SchedulerException {
        scheduler.standby();
        try {
            // Quartz has no completion callback to wait on, so its own list of running jobs is polled. And
            // standby does not stop a trigger already acquired that is due within 70 ms (JDBC job store,
            // QuartzSchedulerThread.isCandidateNewTimeEarlierWithinReason): it still fires, so "no job
            // running" has to hold for longer than that before the scheduler counts as quiet.
            await().atMost(RUNNING_JOBS_WAIT).pollInterval(Duration.ofMillis(20)).during(QUIET)
                    .until(() -> scheduler.getCurrentlyExecutingJobs().isEmpty());
        } catch (ConditionTimeoutException stillRunning) {
            scheduler.start();
            throw new IllegalStateException("Quartz jobs still running after " + RUNNING_JOBS_WAIT + ": "
                    + scheduler.getCurrentlyExecutingJobs(), stillRunning);
        }
        return new ClockJobsPaused(scheduler);
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.start();
    }
}

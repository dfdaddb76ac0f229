package dev.vigil.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.api.Job;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.springframework.stereotype.Component;

import dev.vigil.base.selfcheck.Finding;
import dev.vigil.base.selfcheck.SelfCheck;
import dev.vigil.base.selfcheck.SelfMonitoringProperties;

/**
 * Is Flowable's job executor keeping up? Escalation and reminder timers and async jobs live in the shared
 * database: one still waiting {@code job-overdue} after it was due means no node's executor picks them up
 * (stopped, its threads hung, its acquisition failing). Whether this node's executor runs is noted.
 */
@Component
class JobExecutorWatch extends SelfCheck {

    static final String KEY = "job-executor";

    private final ManagementService management;
    private final ProcessEngine engine;
    private final SelfMonitoringProperties properties;

    JobExecutorWatch(ManagementService management, ProcessEngine engine, SelfMonitoringProperties properties,
            Clock clock) {
        super(KEY, "Job executor", clock);
        this.management = management;
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    public Finding check(Instant now) {
        AsyncExecutor executor = engine.getProcessEngineConfiguration().getAsyncExecutor();
        String notes = executor == null || !executor.isActive() ? "the job executor on this node is not running" : "";
        Optional<Instant> oldestTimer = first(management.createTimerJobQuery().duedateLowerThan(Date.from(now))
                .orderByJobDuedate().asc().listPage(0, 1));
        Optional<Instant> oldestAsync = first(management.createJobQuery().orderByJobCreateTime().asc().listPage(0, 1));
        Optional<Instant> oldest = oldestTimer.isEmpty() ? oldestAsync : oldestAsync.isEmpty() ? oldestTimer
                : Optional.of(oldestTimer.get().isBefore(oldestAsync.get()) ? oldestTimer.get() : oldestAsync.get());
        // work that came due while this node was down is caught up, not paged
        Instant since = oldest.map(this::notBeforeStart).orElse(null);
        String waiting = oldest.map(at -> "oldest due job waiting since " + Finding.time(at) + " ("
                + Duration.between(at, now).toSeconds() + " s)").orElse("no job overdue");
        if (since != null && Duration.between(since, now).compareTo(properties.jobOverdue()) > 0) {
            return failing(since, "Flowable job executor stalled: " + waiting
                    + "; escalation timers are not firing" + (notes.isEmpty() ? "" : " (" + notes + ")"), notes);
        }
        boolean overdueBeforeStart = oldest.filter(at -> Duration.between(at, now).compareTo(properties.jobOverdue()) > 0)
                .isPresent();
        return fine("Running: " + waiting, overdueBeforeStart ? withNote(notes) : notes);
    }

    /** When the first job was due (an async job without a due date: when it was created). */
    private static Optional<Instant> first(List<Job> jobs) {
        return jobs.stream().findFirst()
                .map(j -> (j.getDuedate() != null ? j.getDuedate() : j.getCreateTime()).toInstant());
    }
}

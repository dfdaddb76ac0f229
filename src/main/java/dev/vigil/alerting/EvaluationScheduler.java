package dev.vigil.alerting;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

import dev.vigil.base.scheduling.Schedules;

/**
 * Keeps one Quartz job per distinct interval of the enabled rules (rules sharing an interval are
 * evaluated together). The jobs live in the clustered JDBC store, so a change made on one node is
 * seen by all, and each firing runs on exactly one node. Called at start-up and in the transaction of
 * every rule change.
 */
@Component
class EvaluationScheduler {

    static final String GROUP = "alerting";

    private final Scheduler scheduler;
    private final RuleRepository rules;

    EvaluationScheduler(Scheduler scheduler, RuleRepository rules) {
        this.scheduler = scheduler;
        this.rules = rules;
    }

    static JobKey jobFor(Duration interval) {
        return JobKey.jobKey("evaluate-every-" + interval, GROUP);
    }

    /** Adds jobs for new intervals and removes those no enabled rule uses any more. */
    void sync() {
        try {
            List<Duration> intervals = rules.enabledIntervals();
            Set<JobKey> wanted = new HashSet<>();
            for (Duration interval : intervals) {
                JobKey key = jobFor(interval);
                wanted.add(key);
                if (!scheduler.checkExists(key)) {
                    schedule(key, interval);
                }
            }
            for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(existing)) {
                    scheduler.deleteJob(existing);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not update the rule evaluation schedule", e);
        }
    }

    private void schedule(JobKey key, Duration interval) throws SchedulerException {
        var job = Schedules.durableJob(EvaluationJob.class, key, "Evaluates the enabled rules checked every " + interval);
        job.getJobDataMap().put(EvaluationJob.INTERVAL, interval.toMillis());
        try {
            scheduler.scheduleJob(job, Set.of(trigger(key, interval)), false);
        } catch (ObjectAlreadyExistsException raced) {
            // another node added the same interval at the same moment; its job does the work
        }
    }

    /**
     * Starts on the next multiple of the interval (evaluations land on round times) and, after a
     * misfire, fires once at once and carries on from there.
     */
    private static Trigger trigger(JobKey key, Duration interval) {
        long millis = interval.toMillis();
        return trigger(key, interval, java.time.Instant.ofEpochMilli((System.currentTimeMillis() / millis + 1) * millis));
    }

    static Trigger trigger(JobKey key, Duration interval, java.time.Instant start) {
        long millis = interval.toMillis();
        return TriggerBuilder.newTrigger().forJob(key).withIdentity(key.getName(), key.getGroup())
                .startAt(Date.from(start))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(millis).repeatForever()
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
    }
}

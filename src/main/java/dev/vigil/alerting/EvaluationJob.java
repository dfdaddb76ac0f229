package dev.vigil.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Evaluates every enabled rule of one interval ({@code intervalMillis} in the job data). Runs on one
 * node of a cluster at a time. A firing that is already overtaken by the next one (the scheduler was
 * down or blocked) is skipped, so catching up after downtime evaluates once rather than in a burst.
 */
@DisallowConcurrentExecution
class EvaluationJob extends QuartzJobBean {

    static final String INTERVAL = "intervalMillis";
    private static final Logger log = LoggerFactory.getLogger(EvaluationJob.class);

    private final EvaluationCycle cycle;
    private final AlertingMeters meters;
    private final Clock clock;

    EvaluationJob(EvaluationCycle cycle, AlertingMeters meters, Clock clock) {
        this.cycle = cycle;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Duration interval = Duration.ofMillis(context.getMergedJobDataMap().getLong(INTERVAL));
        Instant now = clock.instant();
        if (context.getNextFireTime() != null && context.getNextFireTime().toInstant().isBefore(now)) {
            log.debug("Skipping an overtaken {} evaluation planned for {}", interval, context.getScheduledFireTime());
            return;
        }
        if (context.getScheduledFireTime() != null) {
            meters.lag(interval, Duration.between(context.getScheduledFireTime().toInstant(), now));
        }
        long started = System.nanoTime();
        EvaluationCycle.Outcome outcome = cycle.run(interval, now);
        meters.duration(interval, Duration.ofNanos(System.nanoTime() - started));
        if (outcome.transitions() > 0) {
            log.info("Evaluated {} rule(s) every {}: {} transition(s), {} fired, {} recovered", outcome.rules(),
                    interval, outcome.transitions(), outcome.fired(), outcome.recovered());
        }
    }
}

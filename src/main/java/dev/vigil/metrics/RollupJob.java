package dev.vigil.metrics;

import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Keeps rollups current: drains the pending buckets, minutes first (hours are built from them),
 * for at most a few seconds per run so a large backfill is spread over several runs. Runs on one
 * node of a cluster at a time.
 */
@DisallowConcurrentExecution
class RollupJob extends QuartzJobBean {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private final RollupComputer computer;

    RollupJob(RollupComputer computer) {
        this.computer = computer;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        while (computer.computePendingMinutes() > 0 && System.nanoTime() < deadline) {
            // keep draining
        }
        while (computer.computePendingHours() > 0 && System.nanoTime() < deadline) {
            // keep draining
        }
    }
}

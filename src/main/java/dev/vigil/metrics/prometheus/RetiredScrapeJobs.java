package dev.vigil.metrics.prometheus;

import java.util.Set;
import java.util.stream.Collectors;

import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Deletes the scrape jobs of targets no longer configured. The clustered job store outlives a
 * restart, so without this a target removed from the configuration would be fired for ever.
 */
class RetiredScrapeJobs {

    private static final Logger log = LoggerFactory.getLogger(RetiredScrapeJobs.class);

    private final Scheduler scheduler;
    private final ScrapeProperties properties;

    RetiredScrapeJobs(Scheduler scheduler, ScrapeProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deleteUnconfigured() throws SchedulerException {
        Set<String> configured = properties.targets().stream().map(ScrapeProperties.Target::name)
                .collect(Collectors.toSet());
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScrapeJob.GROUP))) {
            if (!configured.contains(job.getName())) {
                scheduler.deleteJob(job);
                log.info("Scrape target {} is no longer configured; its job is deleted", job.getName());
            }
        }
    }
}

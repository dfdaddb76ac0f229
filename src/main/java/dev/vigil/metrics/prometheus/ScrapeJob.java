package dev.vigil.metrics.prometheus;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.vigil.base.scheduling.Schedules;
import org.springframework.scheduling.quartz.QuartzJobBean;

import dev.vigil.metrics.prometheus.ScrapeProperties.Target;

/**
 * Scrapes one target, named in its job data. Quartz' clustered store fires each trigger on one node
 * only, so a target is scraped once per interval however many nodes run.
 */
@DisallowConcurrentExecution
class ScrapeJob extends QuartzJobBean {

    /** The Quartz group of every scrape job; a job in it whose target is gone is deleted at start-up. */
    static final String GROUP = "prometheus-scrape";
    static final String TARGET = "target";

    private static final Logger log = LoggerFactory.getLogger(ScrapeJob.class);

    private final Scraper scraper;
    private final ScrapeProperties properties;

    ScrapeJob(Scraper scraper, ScrapeProperties properties) {
        this.scraper = scraper;
        this.properties = properties;
    }

    static JobDetail detail(Target target) {
        return JobBuilder.newJob(ScrapeJob.class)
                .withIdentity(target.name(), GROUP)
                .withDescription("Scrapes " + target.url())
                .usingJobData(TARGET, target.name())
                .storeDurably()
                .build();
    }

    static Trigger trigger(Target target) {
        return Schedules.every(JobKey.jobKey(target.name(), GROUP), target.interval());
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String name = context.getMergedJobDataMap().getString(TARGET);
        Target target = properties.target(name).orElse(null);
        if (target == null) {
            // Another node with a different configuration scheduled it; that node will scrape it.
            log.warn("Scrape target {} is scheduled but not configured on this node; nodes disagree on vigil.scrape",
                    name);
            return;
        }
        try {
            scraper.scrape(target);
        } catch (RuntimeException e) {
            // Only storing can fail here; a Quartz job that throws would only log the same thing louder.
            log.warn("Scrape of {} could not be recorded: {}", name, e.toString());
        }
    }
}

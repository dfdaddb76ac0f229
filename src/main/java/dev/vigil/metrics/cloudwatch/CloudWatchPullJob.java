package dev.vigil.metrics.cloudwatch;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Pulls CloudWatch once per firing. On the clustered store one node fires it at a time, and a slow
 * pull delays the next rather than overlapping it, so CloudWatch is asked once per interval.
 */
@DisallowConcurrentExecution
class CloudWatchPullJob extends QuartzJobBean {

    static final JobKey KEY = JobKey.jobKey("cloudWatchPull", "metrics");

    private final CloudWatchPuller puller;

    CloudWatchPullJob(CloudWatchPuller puller) {
        this.puller = puller;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        puller.pull();
    }
}

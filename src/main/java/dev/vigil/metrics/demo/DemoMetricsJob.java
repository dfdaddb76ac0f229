package dev.vigil.metrics.demo;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Emits one tick of demo metrics; runs on one node of a cluster at a time. */
@DisallowConcurrentExecution
class DemoMetricsJob extends QuartzJobBean {

    private final DemoService demo;

    DemoMetricsJob(DemoService demo) {
        this.demo = demo;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        demo.tick();
    }
}

package dev.vigil.metrics.demo;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Schedules the demo generator when {@code vigil.demo.enabled} is true (the embedded default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vigil.demo.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DemoProperties.class)
@Import(DemoService.class)
class DemoConfiguration {

    @Bean
    JobDetail demoMetricsJob() {
        return JobBuilder.newJob(DemoMetricsJob.class).withIdentity("demo", "metrics")
                .withDescription("Emits the demo service's metrics").storeDurably().build();
    }

    @Bean
    Trigger demoMetricsTrigger(JobDetail demoMetricsJob, DemoProperties properties) {
        return TriggerBuilder.newTrigger().forJob(demoMetricsJob).withIdentity("demo", "metrics")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.interval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

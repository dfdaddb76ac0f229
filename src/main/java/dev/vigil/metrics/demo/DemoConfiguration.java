package dev.vigil.metrics.demo;

import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.vigil.base.scheduling.Schedules;

/** Schedules the demo generator when {@code vigil.demo.enabled} is true (the embedded default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vigil.demo.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DemoProperties.class)
@Import(DemoService.class)
class DemoConfiguration {

    static final JobKey DEMO = JobKey.jobKey("demo", "metrics");

    @Bean
    JobDetail demoMetricsJob() {
        return Schedules.durableJob(DemoMetricsJob.class, DEMO, "Emits the demo service's metrics");
    }

    @Bean
    Trigger demoMetricsTrigger(DemoProperties properties) {
        return Schedules.every(DEMO, properties.interval());
    }
}

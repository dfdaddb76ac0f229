package dev.vigil.metrics.prometheus;

import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Registers a {@link JobDetail} and a {@link Trigger} bean per configured target, which Spring Boot
 * hands to the scheduler with every other job. Only the number of targets is read here; the beans
 * themselves are built from the validated {@link ScrapeProperties}.
 */
class ScrapeJobRegistrar implements BeanRegistrar {

    @Override
    public void register(BeanRegistry registry, Environment environment) {
        int targets = Binder.get(environment).bind("vigil.scrape", ScrapeProperties.class)
                .map(properties -> properties.targets().size())
                .orElse(0);
        for (int i = 0; i < targets; i++) {
            int index = i;
            registry.registerBean("prometheusScrapeJob" + index, JobDetail.class, spec -> spec
                    .supplier(context -> ScrapeJob.detail(context.bean(ScrapeProperties.class).targets().get(index))));
            registry.registerBean("prometheusScrapeTrigger" + index, Trigger.class, spec -> spec
                    .supplier(context -> ScrapeJob.trigger(context.bean(ScrapeProperties.class).targets().get(index))));
        }
    }
}

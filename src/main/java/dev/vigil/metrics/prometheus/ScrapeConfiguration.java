package dev.vigil.metrics.prometheus;

import java.net.http.HttpClient;
import java.time.Clock;

import org.quartz.Scheduler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.vigil.metrics.SampleSink;

/** Prometheus scraping: the targets of {@code vigil.scrape}, one Quartz job each. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrapeProperties.class)
@Import(ScrapeJobRegistrar.class)
class ScrapeConfiguration {

    @Bean
    Scraper prometheusScraper(SampleSink sink, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                // Small exporters' HTTP servers can stumble over the HTTP/2 upgrade offer; Prometheus sends none.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new Scraper(http, sink, clock);
    }

    @Bean
    RetiredScrapeJobs retiredScrapeJobs(Scheduler scheduler, ScrapeProperties properties) {
        return new RetiredScrapeJobs(scheduler, properties);
    }
}

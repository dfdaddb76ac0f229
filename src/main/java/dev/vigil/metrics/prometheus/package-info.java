/**
 * Prometheus scrape source: fetches the targets of {@code vigil.scrape.targets} on Quartz and hands
 * their samples, with {@code up} and the other scrape series, to the metrics module's sink.
 */
package dev.vigil.metrics.prometheus;

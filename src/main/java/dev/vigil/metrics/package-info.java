/**
 * Metrics: series and samples, rollups at 1 minute and 1 hour, the query API that alerting and
 * reporting call, and the sources (HTTP push, CloudWatch pull, Prometheus scrape, demo generator).
 * Depends on nothing but base. Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics", allowedDependencies = "base")
package dev.vigil.metrics;

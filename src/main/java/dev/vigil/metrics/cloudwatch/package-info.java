/**
 * CloudWatch as a metric source: on an interval, one {@code GetMetricData} call for the configured
 * queries, its datapoints handed to the metrics module's {@link dev.vigil.metrics.SampleSink} in one
 * batch. Off unless {@code vigil.cloudwatch.enabled=true}. The only place in metrics that knows the
 * AWS SDK.
 */
package dev.vigil.metrics.cloudwatch;

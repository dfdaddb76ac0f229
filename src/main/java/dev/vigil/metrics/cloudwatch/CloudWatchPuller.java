package dev.vigil.metrics.cloudwatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.base.InvalidRequestException;
import dev.vigil.metrics.Sample;
import dev.vigil.metrics.SampleSink;
import dev.vigil.metrics.cloudwatch.CloudWatchProperties.Query;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Pulls the configured metrics once: one {@code GetMetricData} request for the last lookback window,
 * every page of its answer, and one batch to the sink. A failed pull is logged and counted, never
 * thrown: the next interval simply tries again, and the lookback window covers what this one missed.
 */
class CloudWatchPuller {

    private static final Logger log = LoggerFactory.getLogger(CloudWatchPuller.class);

    /** A service that keeps answering with a next token must not keep one pull going forever. */
    static final int MAX_PAGES = 100;

    /** How one pull ended; {@code PARTIAL} means CloudWatch refused or failed some queries. */
    enum Outcome {
        SUCCESS, PARTIAL, FAILURE
    }

    private final CloudWatchClient client;
    private final CloudWatchProperties properties;
    private final SampleSink sink;
    private final Clock clock;
    private final Map<Outcome, Counter> pulls;
    private final Counter samples;

    CloudWatchPuller(CloudWatchClient client, CloudWatchProperties properties, SampleSink sink, Clock clock,
            MeterRegistry meters) {
        this.client = client;
        this.properties = properties;
        this.sink = sink;
        this.clock = clock;
        this.pulls = Map.of(
                Outcome.SUCCESS, pullCounter(meters, "success"),
                Outcome.PARTIAL, pullCounter(meters, "partial"),
                Outcome.FAILURE, pullCounter(meters, "failure"));
        this.samples = Counter.builder("vigil.cloudwatch.samples")
                .description("Samples pulled from CloudWatch and stored").register(meters);
    }

    private static Counter pullCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("vigil.cloudwatch.pulls").tag("outcome", outcome)
                .description("CloudWatch pulls by outcome").register(meters);
    }

    Outcome pull() {
        Outcome outcome;
        try {
            outcome = pullOnce();
        } catch (RuntimeException e) {
            // Throttling, network, a bad answer or samples the sink refused: nothing of this pull was stored.
            log.warn("CloudWatch pull failed, trying again in {}: {}", properties.interval(), describe(e));
            log.debug("CloudWatch pull failure", e);
            outcome = Outcome.FAILURE;
        }
        pulls.get(outcome).increment();
        return outcome;
    }

    private Outcome pullOnce() {
        List<Query> queries = properties.queries();
        if (queries.isEmpty()) {
            return Outcome.SUCCESS;
        }
        Instant end = clock.instant();
        GetMetricDataRequest.Builder request = GetMetricDataRequest.builder()
                .startTime(end.minus(properties.lookback()))
                .endTime(end)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(dataQueries(queries));

        List<Sample> pulled = new ArrayList<>();
        boolean complete = true;
        String nextToken = null;
        int pages = 0;
        do {
            GetMetricDataResponse page = client.getMetricData(request.nextToken(nextToken).build());
            for (MetricDataResult result : page.metricDataResults()) {
                complete &= collect(queries, result, pulled);
            }
            nextToken = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
            if (nextToken != null && ++pages >= MAX_PAGES) {
                throw new IllegalStateException("GetMetricData still had more pages after " + MAX_PAGES);
            }
        } while (nextToken != null);

        if (!pulled.isEmpty()) {
            samples.increment(sink.ingest(pulled));
        }
        return complete ? Outcome.SUCCESS : Outcome.PARTIAL;
    }

    /** The query at index i gets the id {@code q<i>}: ids must start with a lower-case letter. */
    private static List<MetricDataQuery> dataQueries(List<Query> queries) {
        List<MetricDataQuery> dataQueries = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Query query = queries.get(i);
            List<Dimension> dimensions = query.dimensions().entrySet().stream()
                    .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build())
                    .toList();
            dataQueries.add(MetricDataQuery.builder()
                    .id("q" + i)
                    .metricStat(MetricStat.builder()
                            .metric(Metric.builder().namespace(query.namespace()).metricName(query.metric())
                                    .dimensions(dimensions).build())
                            .period(Math.toIntExact(query.period().toSeconds()))
                            .stat(query.statistic())
                            .build())
                    .returnData(true)
                    .build());
        }
        return dataQueries;
    }

    /** Adds the datapoints of one result; false when CloudWatch could not answer this query. */
    private static boolean collect(List<Query> queries, MetricDataResult result, List<Sample> pulled) {
        Query query = queries.get(queryIndex(result.id(), queries.size()));
        List<Instant> timestamps = result.timestamps();
        List<Double> values = result.values();
        if (timestamps.size() != values.size()) {
            throw new IllegalStateException("CloudWatch answered " + timestamps.size() + " timestamps but "
                    + values.size() + " values for " + query.name());
        }
        Map<String, String> labels = query.labels();
        for (int i = 0; i < timestamps.size(); i++) {
            pulled.add(new Sample(query.name(), labels, timestamps.get(i), values.get(i)));
        }
        if (result.statusCode() == StatusCode.FORBIDDEN || result.statusCode() == StatusCode.INTERNAL_ERROR) {
            log.warn("CloudWatch could not answer {} {} {} ({}): {}", query.namespace(), query.metric(),
                    query.statistic(), result.statusCodeAsString(), result.messages());
            return false;
        }
        return true;
    }

    private static int queryIndex(String id, int queryCount) {
        try {
            int index = id != null && id.startsWith("q") ? Integer.parseInt(id.substring(1)) : -1;
            if (index >= 0 && index < queryCount) {
                return index;
            }
        } catch (NumberFormatException e) {
            // falls through: not one of ours
        }
        throw new IllegalStateException("CloudWatch answered for a query that was not asked: " + id);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + " (HTTP " + aws.statusCode() + "): "
                    + aws.awsErrorDetails().errorMessage();
        }
        if (e instanceof InvalidRequestException invalid) {
            // Which sample and field were refused is what an operator needs to fix a query's name or labels.
            return "samples refused: " + invalid.getMessage() + " "
                    + invalid.violations().stream().limit(5).map(v -> v.pointer() + " " + v.reason()).toList();
        }
        return e.toString();
    }
}

package dev.vigil.metrics.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.vigil.metrics.Sample;

/**
 * The metrics of a typical serverless web service (spec.md): API response time avg/p95/p99/max
 * around 95/180/250/500 ms, ~100 requests/s, error rates, availability, Lambda, DynamoDB, S3, SQS and
 * CI figures, with a degradation now and then. Pure and deterministic for a given seed: every tick
 * draws from one {@link Random}, so tests and demos can replay a run.
 */
final class DemoGenerator {

    /** On average one degradation every 15 minutes at a 10 s tick. */
    private static final double DEGRADATION_CHANCE = 1.0 / 90;

    private final Random random;
    private final String service;
    private final int intervalSeconds;
    private final long firstDegradationTick;
    private long tick;
    private Degradation active;
    private int remainingTicks;
    private int progress;
    private double requestCounter;

    DemoGenerator(long seed, String service, int intervalSeconds, long firstDegradationTick) {
        this.random = new Random(seed);
        this.service = service;
        this.intervalSeconds = intervalSeconds;
        this.firstDegradationTick = firstDegradationTick;
    }

    /** The degradation in progress, if any. */
    Degradation active() {
        return active;
    }

    /** The samples of one tick at {@code now}. */
    List<Sample> next(Instant now) {
        advanceDegradation();
        List<Sample> samples = new ArrayList<>(32);
        boolean slow = active == Degradation.LATENCY_SPIKE;
        boolean failing = active == Degradation.ERROR_BURST;

        double avg = around(slow ? 260 : 95, 0.08);
        double p95 = Math.max(avg, around(slow ? 820 : 180, 0.08));
        double p99 = Math.max(p95, around(slow ? 1250 : 250, 0.08));
        double max = Math.max(p99, around(slow ? 2400 : 500, 0.15));
        api(samples, now, "api.response_time_ms", Map.of("stat", "avg"), avg);
        api(samples, now, "api.response_time_ms", Map.of("stat", "p95"), p95);
        api(samples, now, "api.response_time_ms", Map.of("stat", "p99"), p99);
        api(samples, now, "api.response_time_ms", Map.of("stat", "max"), max);

        double rps = around(100, 0.1);
        double requests = Math.round(rps * intervalSeconds);
        double errors5xx = Math.round(requests * (failing ? around(0.03, 0.3) : around(0.001, 0.5)));
        double errors4xx = Math.round(requests * around(0.004, 0.4));
        double timeouts = Math.round(requests * (failing ? around(0.006, 0.3) : around(0.0002, 1)));
        requestCounter += requests;
        api(samples, now, "api.requests_per_second", Map.of(), rps);
        api(samples, now, "api.requests", Map.of(), requests);
        api(samples, now, "api.requests_total", Map.of(), requestCounter);
        api(samples, now, "api.errors", Map.of("class", "4xx"), errors4xx);
        api(samples, now, "api.errors", Map.of("class", "5xx"), errors5xx);
        api(samples, now, "api.errors", Map.of("class", "timeout"), timeouts);
        api(samples, now, "api.availability_pct", Map.of(), 100.0 * (requests - errors5xx - timeouts) / requests);

        double memory = active == Degradation.MEMORY_CLIMB ? Math.min(97, 60 + progress * 1.2) : around(55, 0.05);
        api(samples, now, "lambda.cold_start_ms", Map.of(), around(800, 0.2));
        api(samples, now, "lambda.duration_ms", Map.of(), around(slow ? 300 : 120, 0.1));
        api(samples, now, "lambda.memory_used_pct", Map.of(), memory);
        api(samples, now, "lambda.concurrency", Map.of(), Math.round(around(25, 0.2)));
        api(samples, now, "dynamodb.read_latency_ms", Map.of(), around(6, 0.2));
        api(samples, now, "dynamodb.write_latency_ms", Map.of(), around(9, 0.2));
        api(samples, now, "dynamodb.throttled_requests", Map.of(), 0);
        api(samples, now, "s3.transfer_bytes", Map.of(), Math.round(around(2_000_000, 0.3)));
        api(samples, now, "sqs.queue_depth", Map.of(), Math.round(around(5, 0.5)));
        api(samples, now, "sqs.oldest_message_age_s", Map.of(), around(3, 0.4));
        api(samples, now, "sqs.dlq_messages", Map.of(), active == Degradation.DLQ_MESSAGE ? 1 + progress / 6 : 0);

        if (tick % Math.max(1, 600 / intervalSeconds) == 0) { // a CI pipeline run every 10 minutes
            api(samples, now, "ci.build_time_s", Map.of(), around(180, 0.15));
            api(samples, now, "ci.test_time_s", Map.of(), around(240, 0.15));
            api(samples, now, "ci.deploy_time_s", Map.of(), around(90, 0.2));
            api(samples, now, "ci.success_rate_pct", Map.of(), Math.min(100, around(96, 0.02)));
        }
        tick++;
        return samples;
    }

    private void advanceDegradation() {
        if (active != null) {
            progress++;
            if (--remainingTicks <= 0) {
                active = null;
            }
            return;
        }
        boolean first = tick == firstDegradationTick;
        if (first || (tick > firstDegradationTick && random.nextDouble() < DEGRADATION_CHANCE)) {
            active = Degradation.values()[random.nextInt(Degradation.values().length)];
            remainingTicks = (120 + random.nextInt(240)) / intervalSeconds; // 2 to 6 minutes
            progress = 0;
        }
    }

    private void api(List<Sample> samples, Instant now, String metric, Map<String, String> labels, double value) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put("service", service);
        samples.add(new Sample(metric, all, now, value));
    }

    /** A value around {@code mean} with relative spread {@code spread}, never negative. */
    private double around(double mean, double spread) {
        return Math.max(0, mean * (1 + spread * random.nextGaussian()));
    }
}

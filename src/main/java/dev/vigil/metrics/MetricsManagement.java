package dev.vigil.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;

/**
 * The metrics module's door: store samples (every source comes through here) and query them
 * (alerting and reporting call this). Ingest is trusted in-process; HTTP callers are checked by
 * the controller's scope.
 */
@Service
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsManagement implements SampleSink {

    private final SampleWriter writer;
    private final SampleRules rules;
    private final Clock clock;

    MetricsManagement(SampleWriter writer, MetricsProperties properties, Clock clock) {
        this.writer = writer;
        this.rules = new SampleRules(properties.maxLabels(), properties.maxFutureSkew());
        this.clock = clock;
    }

    /**
     * Stores the samples, all or none. Every invalid sample is reported in the exception with a
     * pointer {@code /samples/i/...}.
     *
     * @return how many samples were stored
     */
    @Override
    public int ingest(List<Sample> samples) {
        Instant now = clock.instant();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            violations.addAll(rules.check("/samples/" + i, samples.get(i), now));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.size() + " invalid sample field(s); nothing was stored",
                    violations);
        }
        return samples.isEmpty() ? 0 : writer.write(samples);
    }
}

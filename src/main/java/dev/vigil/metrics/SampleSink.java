package dev.vigil.metrics;

import java.util.List;

/** Where metric sources hand their samples: all stored or none (see {@link MetricsManagement#ingest}). */
@FunctionalInterface
public interface SampleSink {

    /** @return how many samples were stored */
    int ingest(List<Sample> samples);
}

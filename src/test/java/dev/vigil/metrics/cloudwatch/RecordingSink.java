package dev.vigil.metrics.cloudwatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vigil.metrics.Sample;
import dev.vigil.metrics.SampleSink;

/** A sink that keeps every batch it is handed, in order. */
final class RecordingSink implements SampleSink {

    private final List<List<Sample>> batches = new CopyOnWriteArrayList<>();

    @Override
    public int ingest(List<Sample> samples) {
        batches.add(List.copyOf(samples));
        return samples.size();
    }

    List<List<Sample>> batches() {
        return List.copyOf(batches);
    }

    List<Sample> samples() {
        return batches.stream().flatMap(List::stream).toList();
    }
}

package dev.vigil.metrics.demo;

import java.time.Clock;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.metrics.SampleSink;

/** Holds the generator's state between ticks and hands each tick's samples to the metrics store. */

class DemoService {

    private static final Logger log = LoggerFactory.getLogger(DemoService.class);

    private final DemoGenerator generator;
    private final SampleSink sink;
    private final Clock clock;
    private Degradation announced;

    DemoService(DemoProperties properties, SampleSink sink, Clock clock) {
        long seed = properties.seed() != null ? properties.seed() : new Random().nextLong();
        int interval = (int) properties.interval().toSeconds();
        this.generator = new DemoGenerator(seed, properties.service(), interval,
                properties.firstDegradationAfter().toSeconds() / interval);
        this.sink = sink;
        this.clock = clock;
        log.info("Demo metrics for service '{}' every {} s (seed {}; set vigil.demo.seed to replay a run)",
                properties.service(), interval, seed);
    }

    synchronized void tick() {
        sink.ingest(generator.next(clock.instant()));
        if (generator.active() != announced) {
            announced = generator.active();
            log.info(announced == null ? "Demo degradation over" : "Demo degradation started: {}", announced);
        }
    }
}

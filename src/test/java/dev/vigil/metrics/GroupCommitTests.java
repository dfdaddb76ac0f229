package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import dev.vigil.metrics.SampleRepository.StoredSample;

/**
 * The grouping and its failure rules, with a store that records what it is given; that the grouped
 * statement itself stores and marks every sample is {@code DatabaseScenarios} on PostgreSQL.
 */
class GroupCommitTests {

    /** A sample with this value makes the store refuse whatever it is in, as a constraint would. */
    private static final double REFUSED = -1;

    private final List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
    private final List<List<StoredSample>> stored = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
    private volatile RuntimeException failure;
    private final AtomicInteger calls = new AtomicInteger();
    private final GroupCommit commits = new GroupCommit(this::store, 1, 100, groupSizes::add);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    private void store(List<StoredSample> samples) {
        int call = calls.getAndIncrement();
        if (call == 0) {
            firstWriteStarted.countDown();
            try {
                firstWriteMayFinish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (samples.stream().anyMatch(s -> s.value() == REFUSED)) {
            throw new DataIntegrityViolationException("refused");
        }
        if (failure != null && call > 0) {
            throw failure;
        }
        stored.add(List.copyOf(samples));
    }

    @AfterEach
    void stop() {
        firstWriteMayFinish.countDown();
        commits.stop();
        callers.shutdownNow();
    }

    @Test
    void batchesThatArriveWhileAGroupIsWrittenAreCommittedTogetherAsTheNextOne() throws Exception {
        Future<?> first = startWithTheFirstWriteHeld();
        List<Future<?>> next = List.of(write(2), write(3), write(4));
        await().until(() -> commits.queued() == 3);

        firstWriteMayFinish.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<?> reply : next) {
            reply.get(10, TimeUnit.SECONDS);
        }
        assertThat(stored).hasSize(2);
        assertThat(stored.get(1)).extracting(StoredSample::value).containsExactlyInAnyOrder(2.0, 3.0, 4.0);
        assertThat(groupSizes).containsExactly(1, 3);
    }

    @Test
    void aGroupRefusedForItsDataIsWrittenBatchByBatchSoOnlyTheRefusedBatchFails() throws Exception {
        Future<?> first = startWithTheFirstWriteHeld();
        Future<?> good = write(2);
        Future<?> refused = write(REFUSED);
        Future<?> alsoGood = write(3);
        await().until(() -> commits.queued() == 3);

        firstWriteMayFinish.countDown();

        good.get(10, TimeUnit.SECONDS);
        alsoGood.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(stored).extracting(samples -> samples.getFirst().value()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void anUnreachableDatabaseFailsTheWholeGroupAtOnce() throws Exception {
        Future<?> first = startWithTheFirstWriteHeld();
        List<Future<?>> next = List.of(write(2), write(3));
        await().until(() -> commits.queued() == 2);
        failure = new CannotGetJdbcConnectionException("database down");

        firstWriteMayFinish.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<?> reply : next) {
            assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(CannotGetJdbcConnectionException.class);
        }
        assertThat(stored).hasSize(1);
    }

    @Test
    void batchesWaitingWhenItStopsAreStillWritten() throws Exception {
        Future<?> first = startWithTheFirstWriteHeld();
        Future<?> waiting = write(2);
        await().until(() -> commits.queued() == 1);
        Future<?> stopping = callers.submit(commits::stop);

        firstWriteMayFinish.countDown();

        stopping.get(10, TimeUnit.SECONDS);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(stored).extracting(samples -> samples.getFirst().value()).containsExactly(1.0, 2.0);
        assertThat(commits.isRunning()).isFalse();
    }

    @Test
    void aSecondWriterGoesOnWhileTheFirstWaitsForTheDatabase() throws Exception {
        GroupCommit twoWriters = new GroupCommit(this::store, 2, 100, groupSizes::add);
        twoWriters.start();
        try {
            Future<?> first = callers.submit(() -> twoWriters.write(List.of(new StoredSample(1, 1, 1))));
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();

            twoWriters.write(List.of(new StoredSample(1, 2, 2)));

            assertThat(first).isNotDone();
            firstWriteMayFinish.countDown();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            firstWriteMayFinish.countDown();
            twoWriters.stop();
        }
    }

    @Test
    void withoutTheWriterEachBatchIsWrittenByItsCaller() {
        firstWriteMayFinish.countDown();

        commits.write(List.of(new StoredSample(1, 1, 5)));

        assertThat(stored).containsExactly(List.of(new StoredSample(1, 1, 5)));
    }

    /** Starts the writer and has it stuck in the database with a first batch (value 1) until released. */
    private Future<?> startWithTheFirstWriteHeld() throws InterruptedException {
        commits.start();
        Future<?> first = write(1);
        assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private Future<?> write(double value) {
        return callers.submit(() -> commits.write(List.of(new StoredSample(1, (long) value, value))));
    }
}

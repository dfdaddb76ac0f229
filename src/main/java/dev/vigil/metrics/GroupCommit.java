package dev.vigil.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

import dev.vigil.metrics.SampleRepository.StoredSample;

/**
 * Group commit for sample writes: the batches of concurrent ingest requests are written together, as
 * one statement and one commit, by a few writer threads; each caller waits until its own batch is
 * committed (or has failed) and answers only then, so nothing is acknowledged before it is durable.
 * <p>
 * On PostgreSQL every commit waits for its WAL flush, and concurrent statements queue for the WAL
 * write lock and for the row locks of the rollup marks they share; with one statement per request, up
 * to one per HTTP worker run at once (docs/benchmarks.md, issue #9). Here at most {@code writers} do, and
 * a group is whatever queued up meanwhile: a lone request goes straight through, a busy node writes
 * fewer, larger statements. More than one writer, so that one slow statement does not hold up all ingest.
 * <p>
 * A group that the database refuses for its data (a constraint) is written again batch by batch, so
 * one bad batch cannot fail its neighbours; any other failure (the database is unreachable) fails the
 * whole group at once, as each would have failed alone.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Consumer<List<StoredSample>> store;
    private final int writerCount;
    private final int maxSamples;
    private final IntConsumer groupWritten;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private volatile List<Thread> writers = List.of();

    /**
     * @param store writes one group (the batches in arrival order, concatenated) atomically
     * @param writers how many groups may be written at once
     * @param maxSamples a group takes further batches while it has fewer samples than this
     * @param groupWritten told how many batches each group written by a writer had
     */
    GroupCommit(Consumer<List<StoredSample>> store, int writers, int maxSamples, IntConsumer groupWritten) {
        this.store = store;
        this.writerCount = writers;
        this.maxSamples = maxSamples;
        this.groupWritten = groupWritten;
    }

    private record Waiting(List<StoredSample> samples, CompletableFuture<Void> committed) {
    }

    /** Queued by {@link #stop()}, one per writer: a writer that takes it writes what it has and ends. */
    private static final Waiting END = new Waiting(List.of(), new CompletableFuture<>());

    /** Writes the batch with whatever else is waiting; returns once it is committed, or throws why not. */
    void write(List<StoredSample> samples) {
        if (writers.isEmpty()) {
            store.accept(samples); // not running (starting up or shut down): written alone, as it came
            return;
        }
        Waiting waiting = new Waiting(samples, new CompletableFuture<>());
        queue.add(waiting);
        if (writers.isEmpty()) {
            writeQueuedAlone(); // stopped meanwhile, perhaps after the writers' last look at the queue
        }
        try {
            waiting.committed().join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                case null, default -> throw e;
            }
        }
    }

    private void writeGroups() {
        List<Waiting> group = new ArrayList<>();
        for (Waiting first = take(); first != END; first = take()) {
            group.add(first);
            int samples = first.samples().size();
            Waiting next;
            while (samples < maxSamples && (next = queue.poll()) != null) {
                if (next == END) {
                    writeGroup(group);
                    return;
                }
                group.add(next);
                samples += next.samples().size();
            }
            writeGroup(group);
            group.clear();
        }
    }

    private Waiting take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    private void writeGroup(List<Waiting> group) {
        try {
            store.accept(concatenated(group));
            groupWritten.accept(group.size()); // before the callers answer, so it is counted once they have
            group.forEach(waiting -> waiting.committed().complete(null));
        } catch (DataIntegrityViolationException refused) {
            if (group.size() == 1) {
                group.getFirst().committed().completeExceptionally(refused);
            } else {
                group.forEach(this::writeAlone);
            }
        } catch (RuntimeException | Error failed) {
            group.forEach(waiting -> waiting.committed().completeExceptionally(failed));
            if (failed instanceof Error) {
                throw failed;
            }
        }
    }

    private void writeAlone(Waiting waiting) {
        try {
            store.accept(waiting.samples());
            waiting.committed().complete(null);
        } catch (RuntimeException | Error failed) {
            waiting.committed().completeExceptionally(failed);
        }
    }

    private void writeQueuedAlone() {
        for (Waiting waiting = queue.poll(); waiting != null; waiting = queue.poll()) {
            if (waiting != END) {
                writeAlone(waiting);
            }
        }
    }

    private static List<StoredSample> concatenated(List<Waiting> group) {
        if (group.size() == 1) {
            return group.getFirst().samples();
        }
        List<StoredSample> all = new ArrayList<>();
        group.forEach(waiting -> all.addAll(waiting.samples()));
        return all;
    }

    synchronized void start() {
        if (!writers.isEmpty()) {
            return;
        }
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < writerCount; i++) {
            started.add(Thread.ofPlatform().name("vigil-sample-writer-" + i).daemon().unstarted(this::runWriter));
        }
        writers = List.copyOf(started);
        started.forEach(Thread::start);
    }

    private void runWriter() {
        try {
            writeGroups();
        } catch (Error e) {
            log.error("A sample writer stopped; batches are written one by one from now on", e);
            writers = List.of();
            writeQueuedAlone();
        }
    }

    /** Writes what is queued (nothing accepted is dropped), then batches go through one by one. */
    synchronized void stop() {
        List<Thread> running = writers;
        if (running.isEmpty()) {
            return;
        }
        writers = List.of();
        running.forEach(writer -> queue.add(END));
        for (Thread writer : running) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        writeQueuedAlone();
    }

    /** How many batches wait for a writer. */
    int queued() {
        return queue.size();
    }

    boolean isRunning() {
        return !writers.isEmpty();
    }
}

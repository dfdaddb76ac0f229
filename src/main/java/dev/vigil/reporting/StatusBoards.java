package dev.vigil.reporting;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest status board, shared by every open dashboard of this node: a hundred people watching an
 * incident must not run a hundred sets of queries every few seconds. A board a little older than
 * {@link #MAX_AGE} is answered at once while a fresh one is computed in the background (the open
 * dashboards get it with their next push, and show its time); only a board older than
 * {@link #MAX_STALE} (or none) makes the caller wait.
 */
@Component
class StatusBoards {

    /** Metrics arrive every 10 s or so; fresher than this would only repeat the same figures. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);
    /** Older than this a board is not shown at all: opening the dashboard waits for a new one. */
    static final Duration MAX_STALE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(StatusBoards.class);

    private final StatusBoardBuilder builder;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("status-board").factory());
    private volatile StatusBoard latest;

    StatusBoards(StatusBoardBuilder builder, Clock clock) {
        this.builder = builder;
        this.clock = clock;
    }

    StatusBoard fresh() {
        StatusBoard board = latest;
        if (board != null && !olderThan(board, MAX_AGE)) {
            return board;
        }
        if (board != null && !olderThan(board, MAX_STALE)) {
            refreshInBackground();
            return board;
        }
        synchronized (this) {
            if (latest == null || olderThan(latest, MAX_STALE)) {
                latest = builder.build();
            }
            return latest;
        }
    }

    private void refreshInBackground() {
        if (refreshing.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    StatusBoard board = builder.build();
                    synchronized (this) {
                        latest = board;
                    }
                } catch (RuntimeException e) {
                    log.warn("Computing the status board failed; the dashboard shows the previous one", e);
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }

    private boolean olderThan(StatusBoard board, Duration age) {
        return board.at().plus(age).isBefore(clock.instant());
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}

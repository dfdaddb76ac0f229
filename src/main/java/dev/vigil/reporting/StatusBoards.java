package dev.vigil.reporting;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * The latest status board, shared by every open dashboard of this node: a hundred people watching an
 * incident must not run a hundred sets of queries every few seconds. One caller computes while the
 * others wait for its answer.
 */
@Component
class StatusBoards {

    /** Metrics arrive every 10 s or so; fresher than this would only repeat the same figures. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final StatusBoardBuilder builder;
    private final Clock clock;
    private volatile StatusBoard latest;

    StatusBoards(StatusBoardBuilder builder, Clock clock) {
        this.builder = builder;
        this.clock = clock;
    }

    StatusBoard fresh() {
        StatusBoard board = latest;
        if (board != null && !isStale(board)) {
            return board;
        }
        synchronized (this) {
            if (latest == null || isStale(latest)) {
                latest = builder.build();
            }
            return latest;
        }
    }

    private boolean isStale(StatusBoard board) {
        return board.at().plus(MAX_AGE).isBefore(clock.instant());
    }
}

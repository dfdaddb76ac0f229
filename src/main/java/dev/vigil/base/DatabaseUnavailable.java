package dev.vigil.base;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises "the database is not there" (no connection to be had, the server shutting down or starting)
 * and answers it as what it is for a client: 503 with {@code Retry-After}, so a sender keeps its batch and
 * sends it again, instead of a 500 that reads like a bug in the request.
 */
final class DatabaseUnavailable {

    /** What clients are told to wait before sending again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    /** True when {@code error}, or anything it was caused by, says the database cannot be reached. */
    static boolean isCause(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            // A rollback on a dead connection fails too, and its exception hides the one that caused the rollback.
            if (e instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isCause(rollback.getApplicationException())) {
                return true;
            }
            if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
                    || e instanceof CannotCreateTransactionException || e instanceof SQLTransientConnectionException
                    || e instanceof SQLRecoverableException) {
                return true;
            }
            // 08: connection exceptions; 57P01-03: the server is shutting down, crashed or starting up.
            if (e instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The 503 problem; the caller adds {@link #RETRY_AFTER} as the {@code Retry-After} header. */
    static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "Vigil cannot reach its database; nothing of this request was stored. Send it again in "
                        + RETRY_AFTER.toSeconds() + " s");
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        Problems.write(request, response, problem());
    }
}

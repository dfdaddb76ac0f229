package dev.vigil.base;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request body went past its limit while it was being read (a streamed body with no Content-Length, or
 * one longer than it declared). An {@link IOException} so that every reader passes it on as a read error.
 */
class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** This exception if it is, or caused, the given one. */
    static BodyTooLargeException in(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** The 413 answer naming the limit. */
    static ProblemDetail problem(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than the limit of " + limit + " bytes for this endpoint");
    }
}

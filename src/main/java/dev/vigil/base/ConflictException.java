package dev.vigil.base;

/**
 * Thrown when a request is well-formed but the resource's state does not allow it (acknowledging a
 * closed incident); answered as HTTP 409 with a problem body saying why.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}

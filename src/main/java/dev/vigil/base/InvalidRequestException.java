package dev.vigil.base;

import java.util.List;

/**
 * Thrown by any module when a request is refused as a whole; answered as HTTP 400 with a problem
 * body that lists every violation, so a client can fix all of them in one go.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidRequestException(String detail, List<FieldViolation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String pointer, String reason) {
        this(reason, List.of(new FieldViolation(pointer, reason)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}

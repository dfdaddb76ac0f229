package dev.vigil.base;

/** Thrown when a requested resource does not exist; answered as HTTP 404 problem details. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}

package dev.vigil.base;

/** One reason a request was refused: a JSON pointer into the request (RFC 6901) and why. */
public record FieldViolation(String pointer, String reason) {
}

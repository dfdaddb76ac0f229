package dev.vigil.metrics.prometheus;

/** A scrape body that is not the Prometheus text format; says which line, so the exporter can be fixed. */
class ExpositionParseException extends RuntimeException {

    private final int line;

    ExpositionParseException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    int line() {
        return line;
    }
}

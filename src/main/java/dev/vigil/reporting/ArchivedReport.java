package dev.vigil.reporting;

import java.time.Instant;
import java.time.LocalDate;

/** A generated report in the archive (without its bodies); {@code service} is null for the overall one. */
public record ArchivedReport(long id, Period period, String service, LocalDate start, String zone, Instant from,
        Instant to, String title, Instant generatedAt) {
}

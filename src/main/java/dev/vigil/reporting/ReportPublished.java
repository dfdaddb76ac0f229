package dev.vigil.reporting;

import java.time.Instant;

/**
 * A scheduled report was generated and archived. Published in the transaction that archived it;
 * {@code service} is null for the overall report; {@code link} opens it in the UI
 * ({@code <vigil.public-url>/reports?archive=<archiveId>}).
 */
public record ReportPublished(long archiveId, Period period, String service, Instant from, Instant to, String title,
        String link) {
}

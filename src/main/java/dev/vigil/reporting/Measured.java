package dev.vigil.reporting;

import java.util.Map;
import java.util.SortedMap;

import dev.vigil.reporting.Report.Ci;
import dev.vigil.reporting.Report.Performance;

/**
 * What the metrics said about one service (or all of them combined) over one period: the headline
 * figures, and per hour the requests, errors, bad requests (5xx + timeouts) and p95 that charts and
 * the overall report are built from. Hour keys are epoch millis.
 */
record Measured(Performance performance, Ci ci, String resolution, Map<String, Double> errorTotals,
        SortedMap<Long, Double> requests, SortedMap<Long, Double> errors, SortedMap<Long, Double> bad,
        SortedMap<Long, Double> p95) {
}

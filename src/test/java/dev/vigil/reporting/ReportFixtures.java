package dev.vigil.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.reporting.Report.Chart;
import dev.vigil.reporting.Report.Performance;
import dev.vigil.reporting.ServiceTargets.Goal;
import dev.vigil.reporting.ServiceTargets.Term;

/** A hand-made monthly report of the checkout service, with figures the renderer tests look for. */
final class ReportFixtures {

    static final Instant FROM = Instant.parse("2026-09-30T22:00:00Z");
    static final Instant TO = Instant.parse("2026-10-31T23:00:00Z");

    private ReportFixtures() {
    }

    static Report checkoutOctober() {
        ServiceTargets targets = new ServiceTargets("checkout", 200, 500, 99, 99.9, 1, 200.0, List.of(
                new Goal(Term.SHORT, ReportKpi.RESPONSE_P95_MS, 500, "Keep p95 under 500 ms"),
                new Goal(Term.MEDIUM, ReportKpi.AVAILABILITY_PCT, 99.99, null)), Instant.EPOCH, "test");
        Performance now = new Performance(99.95, new Report.ResponseTime(95.0, 180.0, 250.0, 2400.0),
                new Report.Throughput(100.0, 131.0, 104.2), new Report.ErrorRates(0.6, 0.4, 0.1, 0.1), 267_840_000L);
        Performance before = new Performance(99.9, new Report.ResponseTime(96.0, 230.0, 260.0, 2000.0),
                new Report.Throughput(99.0, 125.0, 101.0), new Report.ErrorRates(0.7, 0.4, 0.2, 0.1), 265_000_000L);
        Map<String, Integer> severities = new LinkedHashMap<>();
        severities.put("critical", 2);
        severities.put("high", 1);
        severities.put("medium", 0);
        severities.put("low", 0);
        Report.Incidents incidents = new Report.Incidents(3, severities, 4.5, 38.0,
                new Report.Longest("INC-7", "Checkout p95 over 500 ms", "checkout", 95.0, false), 66.66666666666667, 3,
                2, 5);
        long hour = 3_600_000L;
        List<double[]> p95 = List.of(new double[] {FROM.toEpochMilli(), 180}, new double[] {FROM.toEpochMilli() + hour,
                820}, new double[] {FROM.toEpochMilli() + 2 * hour, 175});
        return new Report("Monthly report · checkout · October 2026", Period.MONTHLY, "checkout",
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), "Europe/Berlin", FROM, TO,
                Instant.parse("2026-11-01T06:00:00Z"), "1h", now, before, TrendRule.classify(now, before), targets,
                List.of(ReportMaths.budget("Response time (avg)", 95.0, 200, "ms"),
                        ReportMaths.budget("Error rate", 0.6, 1, "%")),
                ReportMaths.errorBudget(99.9, 99.95),
                List.of(ReportMaths.goal(targets.goals().get(0), 180.0), ReportMaths.goal(targets.goals().get(1), 99.95)),
                incidents, new Report.Ci(182.0, 241.0, 88.0, 96.0, 4464L), List.of(),
                List.of(new Chart("p95 response time", "ms", 500.0, p95),
                        new Chart("Error rate", "%", 1.0, List.of())));
    }
}

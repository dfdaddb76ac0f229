package dev.vigil.reporting;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.base.FieldViolation;
import dev.vigil.reporting.ServiceTargets.Goal;

/** What makes a set of targets acceptable; every violation is reported with its JSON pointer. */
final class TargetRules {

    static final String SERVICE_NAME = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}";
    static final int MAX_GOALS = 50;

    private TargetRules() {
    }

    static List<FieldViolation> check(ServiceTargets t) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!validService(t.service())) {
            violations.add(new FieldViolation("/service", "must be 1-200 letters, digits, '_', '.', ':' or '-'"));
        }
        positive(violations, "/responseTimeBudgetMs", t.responseTimeBudgetMs());
        positive(violations, "/p95TargetMs", t.p95TargetMs());
        percent(violations, "/availabilityTargetPct", t.availabilityTargetPct(), false);
        // 100 % leaves no error budget to divide by.
        percent(violations, "/sloAvailabilityPct", t.sloAvailabilityPct(), true);
        percent(violations, "/errorRateTargetPct", t.errorRateTargetPct(), false);
        if (t.errorRateTargetPct() == 0) {
            violations.add(new FieldViolation("/errorRateTargetPct", "must be more than 0"));
        }
        if (t.throughputCapacityRps() != null) {
            positive(violations, "/throughputCapacityRps", t.throughputCapacityRps());
        }
        if (t.goals().size() > MAX_GOALS) {
            violations.add(new FieldViolation("/goals", "may hold at most " + MAX_GOALS + " goals"));
        }
        for (int i = 0; i < t.goals().size(); i++) {
            Goal g = t.goals().get(i);
            String at = "/goals/" + i;
            if (g.term() == null) {
                violations.add(new FieldViolation(at + "/term", "must be short, medium or long"));
            }
            if (g.kpi() == null) {
                violations.add(new FieldViolation(at + "/kpi", "is required"));
            }
            if (!Double.isFinite(g.target()) || g.target() < 0) {
                violations.add(new FieldViolation(at + "/target", "must be a number of 0 or more"));
            }
            if (g.note() != null && g.note().length() > 500) {
                violations.add(new FieldViolation(at + "/note", "must be at most 500 characters"));
            }
        }
        return violations;
    }

    static boolean validService(String service) {
        return service != null && service.matches(SERVICE_NAME);
    }

    private static void positive(List<FieldViolation> violations, String pointer, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            violations.add(new FieldViolation(pointer, "must be a number greater than 0"));
        }
    }

    private static void percent(List<FieldViolation> violations, String pointer, double value, boolean below100) {
        if (!Double.isFinite(value) || value < 0 || value > 100 || (below100 && value >= 100)) {
            violations.add(new FieldViolation(pointer, below100 ? "must be from 0 to below 100" : "must be from 0 to 100"));
        }
    }
}

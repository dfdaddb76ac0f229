package dev.vigil.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.vigil.base.FieldViolation;
import dev.vigil.reporting.ServiceTargets.Goal;
import dev.vigil.reporting.ServiceTargets.Term;
import tools.jackson.databind.JsonNode;

/**
 * Reads a targets document leniently enough to report every problem at once: wrong types, unknown
 * terms and KPIs become violations with their pointers; the values are checked by {@link TargetRules}.
 */
final class TargetsJson {

    private static final Set<String> FIELDS = Set.of("service", "responseTimeBudgetMs", "p95TargetMs",
            "availabilityTargetPct", "sloAvailabilityPct", "errorRateTargetPct", "throughputCapacityRps", "goals",
            "updatedAt", "updatedBy");

    private TargetsJson() {
    }

    static ServiceTargets read(String service, JsonNode body, List<FieldViolation> violations) {
        if (body == null || !body.isObject()) {
            violations.add(new FieldViolation("", "must be a JSON object"));
            return null;
        }
        body.propertyNames().forEach(name -> {
            if (!FIELDS.contains(name)) {
                violations.add(new FieldViolation("/" + name, "is not a target field"));
            }
        });
        if (body.has("service") && !service.equals(body.get("service").asString(""))) {
            violations.add(new FieldViolation("/service", "must match the service in the path (" + service + ")"));
        }
        double budget = number(body, "responseTimeBudgetMs", true, violations);
        double p95 = number(body, "p95TargetMs", true, violations);
        double availability = number(body, "availabilityTargetPct", true, violations);
        double slo = number(body, "sloAvailabilityPct", true, violations);
        double errorRate = number(body, "errorRateTargetPct", true, violations);
        double capacity = number(body, "throughputCapacityRps", false, violations);
        List<Goal> goals = new ArrayList<>();
        JsonNode list = body.get("goals");
        if (list != null && !list.isNull() && !list.isArray()) {
            violations.add(new FieldViolation("/goals", "must be a list"));
        } else if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                goals.add(goal(list.get(i), "/goals/" + i, violations));
            }
        }
        return new ServiceTargets(service, budget, p95, availability, slo, errorRate,
                Double.isNaN(capacity) ? null : capacity, goals, null, null);
    }

    private static Goal goal(JsonNode node, String at, List<FieldViolation> violations) {
        if (!node.isObject()) {
            violations.add(new FieldViolation(at, "must be an object with term, kpi and target"));
            return new Goal(Term.SHORT, ReportKpi.AVAILABILITY_PCT, 0, null);
        }
        Term term = Term.fromApiName(node.path("term").asString("")).orElse(null);
        if (term == null) {
            violations.add(new FieldViolation(at + "/term", "must be short, medium or long"));
        }
        ReportKpi kpi = ReportKpi.fromApiName(node.path("kpi").asString("")).orElse(null);
        if (kpi == null) {
            violations.add(new FieldViolation(at + "/kpi", "must be one of " + kpiNames()));
        }
        double target = number(node, "target", true, violations, at);
        String note = null;
        if (node.hasNonNull("note") && !node.get("note").isString()) {
            // asString("") would store an object or list as its JSON text, or as nothing at all.
            violations.add(new FieldViolation(at + "/note", "must be a string"));
        } else if (node.hasNonNull("note")) {
            note = node.get("note").asString();
        }
        // Placeholders keep the list's positions; the violations above already refuse the document.
        return new Goal(term == null ? Term.SHORT : term, kpi == null ? ReportKpi.AVAILABILITY_PCT : kpi,
                Double.isNaN(target) ? 0 : target, note);
    }

    private static double number(JsonNode body, String field, boolean required, List<FieldViolation> violations) {
        return number(body, field, required, violations, "");
    }

    private static double number(JsonNode body, String field, boolean required, List<FieldViolation> violations,
            String at) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(new FieldViolation(at + "/" + field, "is required"));
            }
            return Double.NaN;
        }
        if (!value.isNumber()) {
            violations.add(new FieldViolation(at + "/" + field, "must be a number"));
            return Double.NaN;
        }
        return value.asDouble();
    }

    private static String kpiNames() {
        return String.join(", ", java.util.Arrays.stream(ReportKpi.values()).map(ReportKpi::apiName).toList());
    }
}

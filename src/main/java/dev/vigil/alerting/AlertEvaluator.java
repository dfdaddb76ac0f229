package dev.vigil.alerting;

import java.time.Duration;
import java.time.Instant;

/**
 * The alert state machine, as a pure function: given an instance, this evaluation's observation and
 * the time, what the instance becomes and which transition (if any) that is.
 *
 * <ul>
 * <li>Each evaluation adds one datapoint; the condition holds when at least {@code n} of the last
 * {@code m} datapoints breached.</li>
 * <li>A missing datapoint follows the rule's missing-data policy: {@code ignore} leaves everything as
 * it is, {@code breaching}/{@code not-breaching} count it as such, {@code no-data-alert} moves to
 * {@code NO_DATA}.</li>
 * <li>When the condition starts to hold the instance goes {@code PENDING}, and {@code FIRING} once it has
 * held for the pending duration (at once when that is zero). Losing the condition while pending goes
 * back to {@code OK} without paging.</li>
 * <li>While firing, datapoints are judged against the recovery threshold (hysteresis).</li>
 * <li>An evaluation at or before the previous one (a repeated or out-of-order run) changes nothing, so
 * no datapoint is ever counted twice.</li>
 * </ul>
 */
final class AlertEvaluator {

    private AlertEvaluator() {
    }

    /** The instance after the evaluation, and the transition it made (null when the state stayed). */
    record Step(AlertInstance instance, Transition transition) {
    }

    /** A change of state, with the value and time that caused it. */
    record Transition(AlertState from, AlertState to, double value, Instant at, String reason) {
    }

    /** The parts of a rule that shape the state machine. */
    record Settings(Duration pendingFor, int n, int m, MissingData missingData) {

        static Settings of(AlertRule rule) {
            AlertRule.Datapoints dp = rule.datapoints() == null ? AlertRule.Datapoints.ONE_OF_ONE : rule.datapoints();
            return new Settings(rule.pendingFor() == null ? Duration.ZERO : rule.pendingFor(), dp.n(), dp.m(),
                    rule.missingData() == null ? MissingData.IGNORE : rule.missingData());
        }
    }

    static Step evaluate(AlertInstance current, Observation observation, Settings settings, Instant now) {
        if (current.lastEvaluatedAt() != null && !now.isAfter(current.lastEvaluatedAt())) {
            return new Step(current, null);
        }
        boolean breach;
        String reason;
        if (observation.missing()) {
            switch (settings.missingData()) {
                case IGNORE -> {
                    return new Step(evaluated(current, now), null);
                }
                case NO_DATA_ALERT -> {
                    return current.state() == AlertState.NO_DATA ? new Step(evaluated(current, now), null)
                            : move(current, AlertState.NO_DATA, Double.NaN, now, 0, 0, "no data in the window");
                }
                case BREACHING -> {
                    breach = true;
                    reason = "no data, counted as breaching";
                }
                default -> {
                    breach = false;
                    reason = "no data, counted as not breaching";
                }
            }
        } else {
            boolean recovering = current.state() == AlertState.FIRING && observation.recovery() != null;
            double threshold = recovering ? observation.recovery().threshold() : observation.threshold();
            breach = observation.comparator().breaches(observation.value(), threshold);
            reason = describe(observation, threshold, breach, recovering);
        }
        long mask = settings.m() >= 64 ? -1L : (1L << settings.m()) - 1;
        long bits = ((current.breachBits() << 1) | (breach ? 1 : 0)) & mask;
        int observed = Math.min(current.observed() + 1, settings.m());
        boolean holds = Long.bitCount(bits) >= settings.n();
        String why = holds && settings.n() > 1 ? reason + " (" + Long.bitCount(bits) + " of last " + settings.m() + ")"
                : reason;
        double value = observation.value();
        return switch (current.state()) {
            case OK -> !holds ? stay(current, bits, observed, value, now)
                    : settings.pendingFor().isZero() ? move(current, AlertState.FIRING, value, now, bits, observed, why)
                    : move(current, AlertState.PENDING, value, now, bits, observed, why);
            case PENDING -> !holds ? move(current, AlertState.OK, value, now, bits, observed, why)
                    : pendedLongEnough(current, settings, now)
                            ? move(current, AlertState.FIRING, value, now, bits, observed,
                                    why + " for " + BurnRates.humane(settings.pendingFor()))
                            : stay(current, bits, observed, value, now);
            case FIRING -> holds ? stay(current, bits, observed, value, now)
                    : move(current, AlertState.OK, value, now, bits, observed, why);
            // Data is back: an alert that was paging for missing data keeps paging if the data breaches.
            case NO_DATA -> move(current, holds ? AlertState.FIRING : AlertState.OK, value, now, bits, observed, why);
        };
    }

    private static boolean pendedLongEnough(AlertInstance current, Settings settings, Instant now) {
        Duration pended = current.pendingSince() == null || now.isBefore(current.pendingSince()) ? Duration.ZERO
                : Duration.between(current.pendingSince(), now);
        return pended.compareTo(settings.pendingFor()) >= 0;
    }

    private static String describe(Observation o, double threshold, boolean breach, boolean recovering) {
        String value = Numbers.format(o.value());
        if (recovering) {
            return breach ? value + " " + o.comparator().symbol() + " " + Numbers.format(threshold) + " (recovery threshold)"
                    : value + " is back past the recovery threshold " + Numbers.format(threshold);
        }
        return breach ? value + " " + o.comparator().symbol() + " " + Numbers.format(threshold)
                : value + " does not breach " + o.comparator().symbol() + " " + Numbers.format(threshold);
    }

    private static AlertInstance evaluated(AlertInstance c, Instant now) {
        return new AlertInstance(c.ruleId(), c.labels(), c.state(), c.since(), c.pendingSince(), c.breachBits(),
                c.observed(), c.lastValue(), now, c.silencedBy());
    }

    private static Step stay(AlertInstance c, long bits, int observed, double value, Instant now) {
        return new Step(new AlertInstance(c.ruleId(), c.labels(), c.state(), c.since(), c.pendingSince(), bits,
                observed, value, now, c.silencedBy()), null);
    }

    private static Step move(AlertInstance c, AlertState to, double value, Instant now, long bits, int observed,
            String reason) {
        Instant pendingSince = to == AlertState.PENDING ? now : to == AlertState.FIRING ? c.pendingSince() : null;
        AlertInstance next = new AlertInstance(c.ruleId(), c.labels(), to, now, pendingSince, bits, observed, value,
                now, c.silencedBy());
        return new Step(next, new Transition(c.state(), to, value, now, reason));
    }
}

package dev.vigil.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.alerting.AlertEvaluator.Settings;
import dev.vigil.alerting.AlertEvaluator.Step;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.WindowQuery;
import dev.vigil.metrics.WindowValue;

/**
 * One evaluation of every enabled rule that shares an interval: load the rules and their instances,
 * ask the metrics module for all windows at once, run the pure {@link AlertEvaluator}, and store the
 * new states, the transitions and the {@link AlertFired}/{@link AlertRecovered} events in one
 * transaction. It never touches the incident module: the events are the hand-off.
 */
@Component
class EvaluationCycle {

    private final RuleRepository rules;
    private final InstanceRepository instances;
    private final TransitionRepository transitions;
    private final SilenceRepository silences;
    private final MetricsManagement metrics;
    private final ApplicationEventPublisher events;
    private final AlertingMeters meters;

    EvaluationCycle(RuleRepository rules, InstanceRepository instances, TransitionRepository transitions,
            SilenceRepository silences, MetricsManagement metrics, ApplicationEventPublisher events,
            AlertingMeters meters) {
        this.rules = rules;
        this.instances = instances;
        this.transitions = transitions;
        this.silences = silences;
        this.metrics = metrics;
        this.events = events;
        this.meters = meters;
    }

    /** What a cycle did, for the job's log and the benchmark. */
    record Outcome(int rules, int instances, int transitions, int fired, int recovered) {
    }

    @Transactional
    Outcome run(Duration interval, Instant now) {
        List<AlertRule> due = rules.enabledEvery(interval);
        if (due.isEmpty()) {
            return new Outcome(0, 0, 0, 0, 0);
        }
        List<RulePlan> plans = due.stream().map(RulePlan::new).toList();
        Set<WindowQuery> queries = new LinkedHashSet<>();
        plans.forEach(p -> queries.addAll(p.queries()));
        Map<WindowQuery, List<WindowValue>> answers = metrics.evaluateWindows(queries, now);
        Map<String, Map<String, AlertInstance>> stored = instances.ofRulesEvery(interval);
        List<Silence> activeSilences = silences.notEndedAt(now);

        Changes changes = new Changes();
        for (RulePlan plan : plans) {
            AlertRule rule = plan.rule();
            Map<String, AlertInstance> existing = stored.getOrDefault(rule.id(), Map.of());
            List<Observation> observations = observationsOf(plan, answers, existing);
            boolean seriesHaveData = observations.stream().anyMatch(o -> !o.missing() && !o.labels().isEmpty());
            for (Observation observation : observations) {
                String key = LabelSets.canonical(observation.labels());
                AlertInstance current = existing.get(key);
                boolean isNew = current == null;
                if (isNew) {
                    current = AlertInstance.fresh(rule.id(), observation.labels(), now);
                }
                Step step = AlertEvaluator.evaluate(current, observation, settingsFor(rule, observation, seriesHaveData), now);
                if (step.instance() == current || isNew && step.transition() == null && observation.missing()) {
                    continue;
                }
                changes.record(rule, current, step, observation, isNew, activeSilences, now);
            }
        }
        instances.insert(changes.inserted);
        instances.update(changes.updated);
        transitions.append(changes.transitions);
        changes.fired.forEach(events::publishEvent);
        changes.recovered.forEach(events::publishEvent);
        meters.cycle(due.size(), changes.fired, changes.recovered.size());
        return new Outcome(due.size(), changes.inserted.size() + changes.updated.size(), changes.transitions.size(),
                changes.fired.size(), changes.recovered.size());
    }

    /**
     * The rule-level instance (no labels) stands for "this rule has no data at all"; once its series
     * report, it is no longer missing anything and recovers instead of following the missing-data policy.
     */
    private static Settings settingsFor(AlertRule rule, Observation observation, boolean seriesHaveData) {
        Settings settings = Settings.of(rule);
        if (observation.missing() && observation.labels().isEmpty() && seriesHaveData) {
            return new Settings(settings.pendingFor(), settings.n(), settings.m(), MissingData.NOT_BREACHING);
        }
        return settings;
    }

    /**
     * This cycle's observations plus a missing one for each stored instance that got none (its series
     * stopped reporting), and, for a rule that has never seen data, one for the rule as a whole so that
     * the breaching and no-data-alert policies can act on a rule whose metric never arrives.
     */
    private static List<Observation> observationsOf(RulePlan plan, Map<WindowQuery, List<WindowValue>> answers,
            Map<String, AlertInstance> existing) {
        Map<String, Observation> byKey = new LinkedHashMap<>();
        for (Observation o : plan.observe(answers)) {
            String key = LabelSets.canonical(o.labels());
            if (!o.missing() || existing.containsKey(key) || plan.rule().isSlo()) {
                byKey.put(key, o);
            }
        }
        AlertRule rule = plan.rule();
        existing.forEach((key, instance) -> byKey.computeIfAbsent(key, k -> missing(rule, instance.labels())));
        if (byKey.isEmpty()) {
            byKey.put(LabelSets.canonical(Map.of()), missing(rule, Map.of()));
        }
        return new ArrayList<>(byKey.values());
    }

    private static Observation missing(AlertRule rule, Map<String, String> labels) {
        if (rule.isSlo()) {
            return new Observation(labels, Double.NaN, rule.severity(), Comparator.GREATER, 1, null);
        }
        return new Observation(labels, Double.NaN, rule.severity(), rule.condition().comparator(),
                rule.condition().threshold(), rule.recovery());
    }

    /** Everything a cycle writes and publishes, gathered so it is written in batches. */
    private static final class Changes {

        final List<AlertInstance> inserted = new ArrayList<>();
        final List<AlertInstance> updated = new ArrayList<>();
        final List<AlertTransition> transitions = new ArrayList<>();
        final List<AlertFired> fired = new ArrayList<>();
        final List<AlertRecovered> recovered = new ArrayList<>();

        void record(AlertRule rule, AlertInstance before, Step step, Observation observation, boolean isNew,
                List<Silence> silences, Instant now) {
            AlertInstance after = step.instance();
            if (step.transition() != null) {
                Map<String, String> alertLabels = AlertLabels.of(rule, observation);
                String silencedBy = after.active()
                        ? silences.stream().filter(s -> s.silences(alertLabels, now)).map(Silence::id).findFirst()
                                .orElse(null)
                        : null;
                after = withSilence(after, silencedBy);
                AlertEvaluator.Transition t = step.transition();
                Double value = Double.isNaN(t.value()) ? null : t.value();
                transitions.add(new AlertTransition(0, rule.id(), after.labels(), t.from(), t.to(), value, t.at(),
                        t.reason(), silencedBy));
                String dedupKey = LabelSets.dedupKey(rule.id(), after.labels());
                if (!before.active() && after.active()) {
                    fired.add(new AlertFired(dedupKey, rule.id(), rule.name(),
                            Optional.ofNullable(alertLabels.get(AlertLabels.SERVICE)).orElse(rule.service()),
                            observation.severity(), alertLabels, after.state(), value,
                            observation.comparator().symbol() + " " + Numbers.format(observation.threshold()),
                            AlertLabels.summary(rule, observation, t), rule.runbookUrl(), rule.escalationPolicy(),
                            t.at(), silencedBy, rule.query().metric(),
                            rule.isSlo() || rule.query().isRatio() ? Map.of() : observation.labels()));
                } else if (before.active() && !after.active()) {
                    recovered.add(new AlertRecovered(dedupKey, rule.id(), rule.name(), value, t.reason(), t.at()));
                }
            }
            (isNew ? inserted : updated).add(after);
        }

        private static AlertInstance withSilence(AlertInstance i, String silencedBy) {
            return new AlertInstance(i.ruleId(), i.labels(), i.state(), i.since(), i.pendingSince(), i.breachBits(),
                    i.observed(), i.lastValue(), i.lastEvaluatedAt(), silencedBy);
        }
    }
}

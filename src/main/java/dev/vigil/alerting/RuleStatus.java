package dev.vigil.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule with where its instances stand: the worst state among them, how many fire, the value and
 * time of the most recent evaluation.
 */
public record RuleStatus(AlertRule rule, AlertState state, int instanceCount, int firingCount, Double lastValue,
        Instant lastEvaluatedAt, List<Instance> instances) {

    /** One instance: labels, state since when, last value, and the silence muting it if any. */
    public record Instance(Map<String, String> labels, AlertState state, Instant since, Double lastValue,
            Instant lastEvaluatedAt, String silencedBy) {
    }

    static RuleStatus of(AlertRule rule, List<AlertInstance> instances) {
        List<Instance> views = instances.stream()
                .map(i -> new Instance(i.labels(), i.state(), i.since(), Double.isNaN(i.lastValue()) ? null : i.lastValue(),
                        i.lastEvaluatedAt(), i.silencedBy()))
                .toList();
        AlertState worst = views.stream().map(Instance::state).max(java.util.Comparator.comparingInt(RuleStatus::rank))
                .orElse(AlertState.OK);
        Instance latest = views.stream().filter(v -> v.lastEvaluatedAt() != null)
                .max(java.util.Comparator.comparing(Instance::lastEvaluatedAt)
                        .thenComparing(v -> rank(v.state())))
                .orElse(null);
        int firing = (int) views.stream().filter(v -> v.state() == AlertState.FIRING || v.state() == AlertState.NO_DATA)
                .count();
        return new RuleStatus(rule, worst, views.size(), firing, latest == null ? null : worstValue(views, latest),
                latest == null ? null : latest.lastEvaluatedAt(), views);
    }

    /** The value of the worst instance (the one people look at), else the latest one's. */
    private static Double worstValue(List<Instance> views, Instance latest) {
        return views.stream().filter(v -> v.lastValue() != null)
                .max(java.util.Comparator.comparingInt((Instance v) -> rank(v.state())))
                .map(Instance::lastValue).orElse(latest.lastValue());
    }

    static int rank(AlertState state) {
        return switch (state) {
            case OK -> 0;
            case PENDING -> 1;
            case NO_DATA -> 2;
            case FIRING -> 3;
        };
    }
}

package dev.vigil.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;
import dev.vigil.metrics.MetricQuery;
import dev.vigil.metrics.MetricsManagement;
import dev.vigil.metrics.QueryResult;
import dev.vigil.security.AuditTrail;
import dev.vigil.security.Caller;
import dev.vigil.security.SecurityManagement;
import tools.jackson.databind.JsonNode;

/**
 * The alerting module's door: rules (validated, as JSON or YAML), their status and history, silences,
 * and a preview of a rule's metric for the editor. Reading needs a responder or {@code api:read};
 * changing rules a manager or {@code api:write}; silences may be set by any responder. Every change is
 * audited in its own transaction.
 */
@Service
public class AlertingManagement {

    static final String READ = "hasAnyAuthority('SCOPE_api:read', 'ROLE_RESPONDER')";
    static final String WRITE_RULES = "hasAnyAuthority('SCOPE_api:write', 'ROLE_MANAGER')";
    static final String WRITE_SILENCES = "hasAnyAuthority('SCOPE_api:write', 'ROLE_RESPONDER')";

    private final RuleRepository rules;
    private final RuleStore store;
    private final InstanceRepository instances;
    private final TransitionRepository transitions;
    private final SilenceRepository silences;
    private final MetricsManagement metrics;
    private final SecurityManagement security;
    private final AuditTrail audit;
    private final Clock clock;

    AlertingManagement(RuleRepository rules, RuleStore store, InstanceRepository instances,
            TransitionRepository transitions, SilenceRepository silences, MetricsManagement metrics,
            SecurityManagement security, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.rules = rules;
        this.store = store;
        this.instances = instances;
        this.transitions = transitions;
        this.silences = silences;
        this.metrics = metrics;
        this.security = security;
        this.clock = clock;
    }

    @PreAuthorize(READ)
    public List<RuleStatus> ruleStatuses() {
        Map<String, List<AlertInstance>> byRule = instances.all().stream()
                .collect(Collectors.groupingBy(AlertInstance::ruleId));
        return rules.all().stream().map(r -> RuleStatus.of(r, byRule.getOrDefault(r.id(), List.of()))).toList();
    }

    @PreAuthorize(READ)
    public List<AlertRule> rules(int page, int size) {
        return rules.page(page * size, size);
    }

    @PreAuthorize(READ)
    public long ruleCount() {
        return rules.count();
    }

    @PreAuthorize(READ)
    public RuleStatus ruleStatus(String id) {
        return RuleStatus.of(rule(id), instances.ofRule(id));
    }

    @PreAuthorize(READ)
    public AlertRule rule(String id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("No rule with id " + id));
    }

    /** Validates and stores a rule written as JSON; every violation is reported, nothing is stored on any. */
    @PreAuthorize(WRITE_RULES)
    @Transactional
    public AlertRule createRule(JsonNode definition) {
        AlertRule created = store.create(valid(definition), "");
        audit.record("rule.created", "rule", created.id(), null, toJson(created));
        return created;
    }

    /** Replaces a rule; turning it on or off is a replacement with {@code enabled} changed. */
    @PreAuthorize(WRITE_RULES)
    @Transactional
    public AlertRule updateRule(String id, JsonNode definition) {
        AlertRule before = rules.find(id).orElse(null);
        AlertRule updated = store.update(id, valid(definition));
        audit.record(before != null && before.enabled() != updated.enabled()
                        ? (updated.enabled() ? "rule.enabled" : "rule.disabled") : "rule.updated",
                "rule", id, before == null ? null : toJson(before), toJson(updated));
        return updated;
    }

    @PreAuthorize(WRITE_RULES)
    @Transactional
    public void deleteRule(String id) {
        AlertRule before = rules.find(id).orElse(null);
        store.delete(id);
        audit.record("rule.deleted", "rule", id, before == null ? null : toJson(before), null);
    }

    /** A rule as the JSON document the API and the editor speak. */
    public static JsonNode toJson(AlertRule rule) {
        return RuleJson.tree(rule);
    }

    @PreAuthorize(READ)
    public String exportYaml() {
        return RulesYaml.write(rules.all());
    }

    /** Creates or replaces the document's rules, all or none; violations carry the YAML line. */
    @PreAuthorize(WRITE_RULES)
    @Transactional
    public ImportSummary importYaml(String yaml) {
        Map<String, JsonNode> before = rules.all().stream().collect(Collectors.toMap(AlertRule::id, RuleJson::tree));
        RuleStore.ImportOutcome outcome = store.importAll(RulesYaml.read(yaml));
        outcome.created().forEach(id -> audit.record("rule.created", "rule", id, null, toJson(rules.find(id).orElseThrow())));
        outcome.updated().forEach(id -> audit.record("rule.updated", "rule", id, before.get(id), toJson(rules.find(id).orElseThrow())));
        return new ImportSummary(outcome.created(), outcome.updated());
    }

    /** What an import did. */
    public record ImportSummary(List<String> created, List<String> updated) {
    }

    /** Newest first. */
    @PreAuthorize(READ)
    public List<AlertTransition> history(String ruleId, int page, int size) {
        rule(ruleId);
        return transitions.ofRule(ruleId, page * size, size);
    }

    @PreAuthorize(READ)
    public long historyCount(String ruleId) {
        return transitions.countOfRule(ruleId);
    }

    /**
     * The rule's metric over a range, as the rule aggregates it (one point per window-sized step,
     * or finer for long ranges), for the editor's chart against the threshold.
     */
    @PreAuthorize(READ)
    public QueryResult preview(JsonNode definition, Duration range) {
        AlertRule rule = valid(definition);
        Instant to = clock.instant();
        Instant from = to.minus(range);
        Duration step = rule.query().window().compareTo(range.dividedBy(300)) < 0 ? range.dividedBy(300)
                : rule.query().window();
        step = Duration.ofSeconds(Math.max(1, step.toSeconds()));
        AlertRule.RuleQuery q = rule.query();
        if (q.isRatio()) {
            QueryResult ratio = metrics.ratio(
                    new MetricQuery(q.metric(), q.labels(), from, to, step, dev.vigil.metrics.Aggregation.SUM),
                    new MetricQuery(q.divideBy().metric(), q.divideBy().labels(), from, to, step,
                            dev.vigil.metrics.Aggregation.SUM));
            return new QueryResult(ratio.resolution(), ratio.series().stream()
                    .map(s -> new QueryResult.SeriesPoints(s.metric(), s.labels(), s.points().stream()
                            .map(p -> new QueryResult.Point(p.timestamp(), 100 * p.value())).toList()))
                    .toList());
        }
        return metrics.query(new MetricQuery(q.metric(), q.labels(), from, to, step,
                RulePlan.plain(q).aggregation()));
    }

    @PreAuthorize(READ)
    public List<Silence> silences(int page, int size) {
        return silences.page(page * size, size);
    }

    @PreAuthorize(READ)
    public long silenceCount() {
        return silences.count();
    }

    @PreAuthorize(WRITE_SILENCES)
    @Transactional
    public Silence createSilence(JsonNode definition) {
        String by = security.currentCaller().map(Caller::name).orElse("system");
        SilenceReader.Result result = SilenceReader.read(definition, "s-" + UUID.randomUUID().toString().substring(0, 12),
                by, clock.instant());
        if (result.silence() == null) {
            throw new InvalidRequestException("The silence is invalid; nothing was saved", result.violations());
        }
        silences.insert(result.silence());
        audit.record("silence.created", "silence", result.silence().id(), null, result.silence());
        return result.silence();
    }

    /** Ends a silence now (it stays in the list as expired). */
    @PreAuthorize(WRITE_SILENCES)
    @Transactional
    public Silence expireSilence(String id) {
        Silence before = silences.find(id).orElse(null);
        if (!silences.expire(id, clock.instant())) {
            throw new NotFoundException("No silence with id " + id);
        }
        Silence after = silences.find(id).orElseThrow();
        audit.record("silence.expired", "silence", id, before, after);
        return after;
    }

    private static AlertRule valid(JsonNode definition) {
        RuleReader.Result result = RuleReader.read(definition, "");
        if (!result.valid()) {
            throw new InvalidRequestException("The rule is invalid; nothing was saved", result.violations());
        }
        return result.rule();
    }
}

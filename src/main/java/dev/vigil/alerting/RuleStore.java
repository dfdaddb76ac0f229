package dev.vigil.alerting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;

/**
 * Saves valid rules, all or nothing, and keeps the evaluation schedule in step in the same
 * transaction. Ids are given or made from the name ({@code High Response Time} →
 * {@code high-response-time}) and never change.
 */
@Component
class RuleStore {

    private final RuleRepository rules;
    private final EvaluationScheduler scheduler;

    RuleStore(RuleRepository rules, EvaluationScheduler scheduler) {
        this.rules = rules;
        this.scheduler = scheduler;
    }

    /** How an import went. */
    record ImportOutcome(List<String> created, List<String> updated) {
    }

    @Transactional
    AlertRule create(AlertRule rule, String pointer) {
        List<FieldViolation> violations = new ArrayList<>();
        AlertRule saved = insert(rule, pointer, violations);
        refuse(violations);
        scheduler.sync();
        return saved;
    }

    @Transactional
    AlertRule update(String id, AlertRule rule) {
        AlertRule existing = rules.find(id).orElseThrow(() -> new NotFoundException("No rule with id " + id));
        if (rule.id() != null && !rule.id().equals(id)) {
            throw new InvalidRequestException("/id", "must be " + id + " (a rule's id never changes) or left out");
        }
        rules.idOfName(rule.name()).filter(other -> !other.equals(existing.id())).ifPresent(other -> {
            throw new InvalidRequestException("/name", "is already the name of rule " + other);
        });
        AlertRule saved = rule.withId(id);
        rules.update(saved);
        scheduler.sync();
        return saved;
    }

    @Transactional
    void delete(String id) {
        if (!rules.delete(id)) {
            throw new NotFoundException("No rule with id " + id);
        }
        scheduler.sync();
    }

    /** Creates or replaces every rule of the document (matched by id, else by name), or none. */
    @Transactional
    ImportOutcome importAll(List<RuleReader.Result> results) {
        List<FieldViolation> violations = new ArrayList<>();
        results.forEach(r -> violations.addAll(r.violations()));
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            AlertRule rule = results.get(i).rule();
            if (rule != null && !names.add(rule.name())) {
                violations.add(new FieldViolation("/rules/" + i + "/name", "appears twice in the document"));
            }
            if (rule != null && rule.id() != null && !ids.add(rule.id())) {
                violations.add(new FieldViolation("/rules/" + i + "/id", "appears twice in the document"));
            }
        }
        refuse(violations);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            AlertRule rule = results.get(i).rule();
            String existingId = rule.id() != null ? rules.find(rule.id()).map(AlertRule::id).orElse(null)
                    : rules.idOfName(rule.name()).orElse(null);
            if (existingId != null) {
                String namedOther = rules.idOfName(rule.name()).filter(o -> !o.equals(existingId)).orElse(null);
                if (namedOther != null) {
                    violations.add(new FieldViolation("/rules/" + i + "/name", "is already the name of rule " + namedOther));
                    continue;
                }
                rules.update(rule.withId(existingId));
                updated.add(existingId);
            } else {
                created.add(insert(rule, "/rules/" + i, violations).id());
            }
        }
        refuse(violations); // rolls back whatever was written before the violation
        scheduler.sync();
        return new ImportOutcome(created, updated);
    }

    private AlertRule insert(AlertRule rule, String pointer, List<FieldViolation> violations) {
        String id = rule.id() != null ? rule.id() : freeId(slug(rule.name()));
        if (rule.id() != null && RESERVED.contains(id)) {
            violations.add(new FieldViolation(pointer + "/id", "is reserved; choose another"));
            return rule;
        }
        if (rule.id() != null && rules.find(id).isPresent()) {
            violations.add(new FieldViolation(pointer + "/id", "is already taken"));
            return rule;
        }
        if (rules.idOfName(rule.name()).isPresent()) {
            violations.add(new FieldViolation(pointer + "/name", "is already the name of rule "
                    + rules.idOfName(rule.name()).get()));
            return rule;
        }
        AlertRule saved = rule.withId(id);
        rules.insert(saved);
        return saved;
    }

    /** Ids the UI's fixed routes use ({@code /rules/new}, {@code /rules/silences}). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("new", "silences", "export", "import");

    private String freeId(String base) {
        String id = RESERVED.contains(base) ? base + "-rule" : base;
        for (int n = 2; rules.find(id).isPresent(); n++) {
            id = base.substring(0, Math.min(base.length(), 60)) + "-" + n;
        }
        return id;
    }

    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            return "rule-" + UUID.randomUUID().toString().substring(0, 8);
        }
        return slug.length() > 56 ? slug.substring(0, 56).replaceAll("-+$", "") : slug;
    }

    private static void refuse(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.size() + " problem(s) found; nothing was saved", violations);
        }
    }
}

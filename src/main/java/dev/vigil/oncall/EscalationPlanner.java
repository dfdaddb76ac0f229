package dev.vigil.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.vigil.oncall.EscalationPolicy.Level;
import dev.vigil.oncall.EscalationPolicy.Target;
import dev.vigil.oncall.EscalationPolicy.TargetType;

/**
 * Turns an escalation policy into the people to page at an instant: a schedule target becomes whoever
 * is on call then, users are named with their contact methods, and a person named twice in a level is
 * paged once. Runs without a caller (from the incident process).
 */
@Component
class EscalationPlanner {

    private final PolicyStore policies;
    private final ScheduleStore schedules;
    private final TeamStore teams;
    private final UserDirectory users;
    private final String bootstrapAdmin;

    EscalationPlanner(PolicyStore policies, ScheduleStore schedules, TeamStore teams, UserDirectory users,
            @Value("${vigil.security.bootstrap-admin.username:admin}") String bootstrapAdmin) {
        this.policies = policies;
        this.schedules = schedules;
        this.teams = teams;
        this.users = users;
        this.bootstrapAdmin = bootstrapAdmin;
    }

    /** The policy by id or name; an unknown or missing one means the default policy. */
    EscalationPlan plan(String policyRef, Instant at) {
        EscalationPolicy policy = policies.find(policyRef).or(() -> policies.find(EscalationPolicy.DEFAULT))
                .orElseGet(this::lastResort);
        Resolver resolver = new Resolver(at);
        List<EscalationLevel> levels = policy.levels().stream()
                .map(l -> new EscalationLevel(l.timeout(), resolver.recipients(l))).toList();
        return new EscalationPlan(policy.id(), policy.repeat(), levels, managers(policy, resolver),
                policy.resolveReminder());
    }

    OnCallOverview overview(Instant at) {
        Resolver resolver = new Resolver(at);
        List<OnCallOverview.ScheduleNow> now = schedules.all().stream().map(s -> {
            Optional<Shift> shift = Rotations.at(s, at);
            return new OnCallOverview.ScheduleNow(s.id(), s.name(), s.zone().getId(),
                    shift.flatMap(sh -> resolver.recipient(sh.username())).map(EscalationPlanner::person).orElse(null),
                    shift.map(Shift::start).orElse(null), shift.map(Shift::end).orElse(null),
                    shift.map(Shift::source).orElse(null));
        }).toList();
        List<OnCallOverview.PolicyNow> first = policies.all().stream()
                .map(p -> new OnCallOverview.PolicyNow(p.id(), p.name(),
                        resolver.recipients(p.levels().getFirst()).stream().map(EscalationPlanner::person).toList()))
                .toList();
        return new OnCallOverview(at, now, first);
    }

    private static OnCallOverview.Person person(Recipient r) {
        return new OnCallOverview.Person(r.username(), r.displayName());
    }

    /** The manager of the policy's team, else of the default team: whoever hears of an unanswered page. */
    private List<Recipient> managers(EscalationPolicy policy, Resolver resolver) {
        String manager = teams.find(policy.team()).map(Team::manager)
                .or(() -> teams.find(Team.DEFAULT).map(Team::manager)).orElse(null);
        return resolver.recipient(manager).map(List::of).orElse(List.of());
    }

    /** Only before the first start has set things up (or after a database was edited by hand). */
    private EscalationPolicy lastResort() {
        return new EscalationPolicy(EscalationPolicy.DEFAULT, EscalationPolicy.DEFAULT, null, 0,
                List.of(new Level(EscalationPolicy.DEFAULT_TIMEOUT, List.of(new Target(TargetType.USER, bootstrapAdmin)))),
                EscalationPolicy.DEFAULT_RESOLVE_REMINDER);
    }

    /** Looks up each schedule and user once per plan. */
    private final class Resolver {

        private final Instant at;
        private final Map<String, Optional<Recipient>> people = new HashMap<>();
        private final Map<String, Optional<String>> onCall = new HashMap<>();

        Resolver(Instant at) {
            this.at = at;
        }

        List<Recipient> recipients(Level level) {
            Map<String, Recipient> recipients = new LinkedHashMap<>();
            for (Target target : level.targets()) {
                Optional<String> username = target.type() == TargetType.USER ? Optional.of(target.ref())
                        : onCall.computeIfAbsent(target.ref(), id -> schedules.find(id)
                                .flatMap(s -> Rotations.whoAt(s, at)).map(Shift::username));
                username.flatMap(this::recipient).ifPresent(r -> recipients.putIfAbsent(r.username(), r));
            }
            return new ArrayList<>(recipients.values());
        }

        Optional<Recipient> recipient(String username) {
            return username == null ? Optional.empty() : people.computeIfAbsent(username, users::recipient);
        }
    }
}

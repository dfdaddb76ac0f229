package dev.vigil.oncall;

import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vigil.security.Role;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;
import tools.jackson.databind.node.ObjectNode;

/**
 * On the first start of a database: the team {@code default} managed by the bootstrap admin, the
 * escalation policy {@code default} (the admin, twice, five minutes apart) and the demo service
 * {@code checkout}, so that alerts page someone from the first minute. Done once in the life of the
 * database (a step in {@code oncall_setup}; two nodes starting together do it once), after the
 * security module's start-up runner has created the admin: runners finish before the application is
 * ready. Also, once, the service {@code vigil} that Vigil's own incidents are opened on.
 */
@Component
class OnCallStartup {

    static final String DEFAULTS = "defaults";
    static final String SELF_SERVICE = "self-service";
    private static final Logger log = LoggerFactory.getLogger(OnCallStartup.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecurityManagement security;
    private final TeamStore teams;
    private final PolicyStore policies;
    private final ServiceStore services;
    private final Clock clock;
    private final String bootstrapAdmin;
    private final String selfService;

    OnCallStartup(JdbcClient jdbc, TransactionTemplate transactions, SecurityManagement security, TeamStore teams,
            PolicyStore policies, ServiceStore services, Clock clock,
            @Value("${vigil.security.bootstrap-admin.username:admin}") String bootstrapAdmin,
            @Value("${vigil.self-monitoring.service:vigil}") String selfService) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.security = security;
        this.teams = teams;
        this.policies = policies;
        this.services = services;
        this.clock = clock;
        this.bootstrapAdmin = bootstrapAdmin;
        this.selfService = selfService;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Optional<String> admin = admin();
        if (admin.isEmpty()) {
            log.warn("No user to manage the default team and policy; on-call defaults not created");
            return;
        }
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("INSERT INTO oncall_setup (step, done_at) VALUES (?, ?)").params(DEFAULTS, clock.millis()).update();
                createDefaults(admin.get());
            });
            log.info("Created the default team, escalation policy and service '{}', paging '{}'", ServiceEntry.DEMO,
                    admin.get());
        } catch (DuplicateKeyException alreadyDone) {
            // created before (or by another node just now)
        }
        createSelfService();
    }

    /**
     * The service Vigil's own incidents (the watchdog's) are opened on, paging the default policy until
     * someone gives it another. Its own step, so databases set up before it get it too.
     */
    private void createSelfService() {
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("INSERT INTO oncall_setup (step, done_at) VALUES (?, ?)").params(SELF_SERVICE, clock.millis())
                        .update();
                if (services.find(selfService).isEmpty()) {
                    ObjectNode service = DocumentRepository.JSON.createObjectNode().put("name", selfService);
                    teams.find(Team.DEFAULT).ifPresent(t -> service.put("team", t.id()));
                    policies.find(EscalationPolicy.DEFAULT).ifPresent(p -> service.put("escalationPolicy", p.id()));
                    services.create(service);
                }
            });
        } catch (DuplicateKeyException alreadyDone) {
            // created before (or by another node just now)
        }
    }

    private void createDefaults(String admin) {
        ObjectNode team = DocumentRepository.JSON.createObjectNode().put("id", Team.DEFAULT).put("name", Team.DEFAULT)
                .put("manager", admin);
        team.putArray("members").add(admin);
        teams.create(team);
        ObjectNode policy = DocumentRepository.JSON.createObjectNode().put("id", EscalationPolicy.DEFAULT)
                .put("name", EscalationPolicy.DEFAULT).put("team", Team.DEFAULT).put("repeat", 1);
        for (int level = 0; level < 2; level++) {
            ObjectNode l = policy.withArray("levels").addObject()
                    .put("timeout", EscalationPolicy.DEFAULT_TIMEOUT.toString());
            l.putArray("targets").addObject().put("type", "USER").put("ref", admin);
        }
        policies.create(policy);
        if (services.find(ServiceEntry.DEMO).isEmpty()) {
            services.create(DocumentRepository.JSON.createObjectNode().put("name", ServiceEntry.DEMO)
                    .put("team", Team.DEFAULT).put("escalationPolicy", EscalationPolicy.DEFAULT));
        }
    }

    /** The configured bootstrap admin, else the first admin there is (the bootstrap one may be renamed). */
    private Optional<String> admin() {
        if (security.user(bootstrapAdmin).isPresent()) {
            return Optional.of(bootstrapAdmin);
        }
        return security.userDirectory().stream()
                .min(Comparator.comparing((UserSummary u) -> !u.roles().contains(Role.ADMIN))
                        .thenComparing(UserSummary::username))
                .map(UserSummary::username);
    }
}

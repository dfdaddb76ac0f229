package dev.vigil.alerting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start: installs the default rules of spec.md once in the life of the database (a step recorded in
 * {@code alerting_setup}, so rules a user deleted stay deleted and two nodes starting together install
 * them once), then makes sure every interval has its evaluation job.
 */
@Component
class AlertingStartup {

    static final String DEFAULT_RULES = "default-rules";
    private static final Logger log = LoggerFactory.getLogger(AlertingStartup.class);

    private final JdbcClient jdbc;
    private final RuleStore store;
    private final EvaluationScheduler scheduler;
    private final TransactionTemplate transactions;
    private final java.time.Clock clock;

    AlertingStartup(JdbcClient jdbc, RuleStore store, EvaluationScheduler scheduler, TransactionTemplate transactions,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("INSERT INTO alerting_setup (step, done_at) VALUES (?, ?)")
                        .params(DEFAULT_RULES, clock.millis()).update();
                RuleStore.ImportOutcome outcome = store.importAll(RulesYaml.read(defaultRules()));
                log.info("Installed {} default alert rule(s)", outcome.created().size());
            });
        } catch (DuplicateKeyException alreadyDone) {
            // installed before (or by another node just now)
        }
        scheduler.sync();
    }

    static String defaultRules() {
        try (InputStream in = AlertingStartup.class.getResourceAsStream("default-rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("default-rules.yaml is missing from the build", e);
        }
    }
}

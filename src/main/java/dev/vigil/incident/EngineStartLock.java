package dev.vigil.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time build Flowable's engine on PostgreSQL. Nodes started together on a new database
 * (docker compose up, a first deploy) otherwise race: both find no ACT_* tables and may both create them,
 * and both deploy {@code processes/incident.bpmn20.xml} past Flowable's duplicate filter, leaving two
 * versions of the incident process (seen in three starts out of three; MultiNodePostgresOwnContextTests
 * checks there is one). Flowable's own locks ({@code flowable.use-lock-for-database-schema-update}) live in
 * ACT_GE_PROPERTY, which does not exist yet on a new database, so a node waits for them forever there. A
 * session-level advisory lock needs no table, and PostgreSQL drops it if the node dies while holding it.
 * <p>
 * Taken while the engine configuration is built (before the schema check), given back at lifecycle phase
 * 21, right after Flowable's auto-deployment at phase 20. Nothing to do on H2 (one node only).
 */
@Component
class EngineStartLock implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration>, SmartLifecycle,
        DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EngineStartLock.class);
    /** Any fixed number: the lock's name among the database's advisory locks. */
    private static final long LOCK = 0x76696769_6c000001L;

    private final DataSource dataSource;
    private Connection holding;
    private volatile boolean running;

    EngineStartLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void configure(SpringProcessEngineConfiguration engineConfiguration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            }
            holding = connection;
            log.debug("Took the engine start lock after {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the engine start lock", e);
        }
    }

    @Override
    public void start() {
        release();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Right after {@code SpringProcessEngineConfiguration} (phase 20), which deploys the processes. */
    @Override
    public int getPhase() {
        return 21;
    }

    /** A start that failed before phase 21 still gives the lock back (the JVM may live on, as in tests). */
    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        if (holding == null) {
            return;
        }
        try (Connection connection = holding; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        } catch (SQLException e) {
            log.warn("Giving back the engine start lock failed; it goes when the connection closes", e);
        } finally {
            holding = null;
        }
    }
}

package dev.vigil.reporting.ui;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.vigil.alerting.AlertFired;
import dev.vigil.alerting.AlertRecovered;
import dev.vigil.incident.IncidentAcknowledged;
import dev.vigil.incident.IncidentEscalated;
import dev.vigil.incident.IncidentOpened;
import dev.vigil.incident.IncidentResolved;

/**
 * Pushes fresh figures to every open dashboard of this node: at once (within a fraction of a second)
 * when an incident or alert changes here, and every few seconds anyway, which brings changes made on
 * other nodes and new metrics. A burst of events (a thousand incidents opening) becomes one refresh.
 */
@Component
class DashboardPush {

    static final long TICK_SECONDS = 5;
    /** Events of one burst are gathered this long before the dashboards re-read. */
    static final long COALESCE_MILLIS = 150;
    private static final Logger log = LoggerFactory.getLogger(DashboardPush.class);

    private record Watcher(UI ui, Runnable refresh) {
    }

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("dashboard-push").factory());

    DashboardPush() {
        timer.scheduleWithFixedDelay(this::pushAll, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code refresh} in the UI's session, with the view's user, whenever there is news. */
    Registration watch(UI ui, Runnable refresh) {
        Watcher watcher = new Watcher(ui, refresh);
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    @EventListener
    void on(IncidentOpened event) {
        soon();
    }

    @EventListener
    void on(IncidentAcknowledged event) {
        soon();
    }

    @EventListener
    void on(IncidentResolved event) {
        soon();
    }

    @EventListener
    void on(IncidentEscalated event) {
        soon();
    }

    @EventListener
    void on(AlertFired event) {
        soon();
    }

    @EventListener
    void on(AlertRecovered event) {
        soon();
    }

    /**
     * Refreshes the dashboards once the change has committed. Deliberately a plain listener that registers
     * its own after-commit callback: Spring Modulith records a publication for every
     * {@code @TransactionalEventListener} and marks it in a new transaction from the committing thread,
     * which still holds its connection; under load (a burst of incidents) those threads each waited for a
     * second connection and drained the pool. A dashboard refresh needs no such guarantee.
     */
    private void soon() {
        if (watchers.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule();
                }
            });
        } else {
            schedule();
        }
    }

    /** Only schedules, never waits: the caller is the thread that made the change. */
    private void schedule() {
        if (refreshPending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                refreshPending.set(false);
                pushAll();
            }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void pushAll() {
        for (Watcher w : watchers) {
            try {
                w.ui().access(() -> w.refresh().run());
            } catch (RuntimeException e) {
                // A UI closed in between: its detach will unregister it.
                log.debug("Dashboard push skipped: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}

package dev.vigil.base.selfcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Vigil's watchdog, on every node: every {@code check-interval} it runs the {@link SelfCheck}s, reads the
 * health components, keeps the result in {@link SelfStatus} and hands the findings to the {@link SelfAlarm}.
 * It owns its thread (not a Quartz job, not a Flowable job: those are what it watches), and while no check
 * fails and no health component is DOWN it fetches the optional heartbeat URL, the dead man's switch.
 */
@Component
@EnableConfigurationProperties(SelfMonitoringProperties.class)
class Watchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final List<SelfCheck> checks;
    private final ObjectProvider<SelfAlarm> alarm;
    private final HealthProblems health;
    private final SelfStatus status;
    private final SelfMonitoringProperties properties;
    private final Clock clock;
    private final DeadMansSwitch deadMansSwitch;
    private ScheduledExecutorService thread;

    Watchdog(List<SelfCheck> checks, ObjectProvider<SelfAlarm> alarm, HealthProblems health, SelfStatus status,
            SelfMonitoringProperties properties, Clock clock) {
        this.checks = List.copyOf(checks);
        this.alarm = alarm;
        this.health = health;
        this.status = status;
        this.properties = properties;
        this.clock = clock;
        this.deadMansSwitch = properties.heartbeatUrl() == null ? null : new DeadMansSwitch(properties.heartbeatUrl());
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-watchdog").daemon().factory());
        long every = properties.checkInterval().toMillis();
        thread.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        if (deadMansSwitch != null) {
            long beat = properties.heartbeatInterval().toMillis();
            thread.scheduleAtFixedRate(this::heartbeat, every, beat, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    /** One round: check, record, sound the alarm. */
    void round() {
        try {
            Instant now = clock.instant();
            List<Finding> findings = new ArrayList<>();
            for (SelfCheck check : checks) {
                findings.add(run(check, now));
            }
            status.update(new SelfStatus.Snapshot(now, findings, health.read()));
            alarm.ifAvailable(a -> a.sound(findings));
        } catch (RuntimeException e) {
            // the database may be down; the next round tries again, the health component shows why
            log.warn("Self-monitoring round failed", e);
        }
    }

    private static Finding run(SelfCheck check, Instant now) {
        try {
            return check.check(now);
        } catch (RuntimeException e) {
            log.warn("Self-check {} could not run", check.key(), e);
            return Finding.fine(check.key(), check.title(), "Could not check: " + e.getMessage(), "check failed");
        }
    }

    private void heartbeat() {
        SelfStatus.Snapshot latest = status.latest();
        boolean down = latest.health().stream().anyMatch(h -> h.status().equals("DOWN"));
        if (latest.at() != null && !latest.failing() && !down) {
            deadMansSwitch.ping();
        }
    }
}

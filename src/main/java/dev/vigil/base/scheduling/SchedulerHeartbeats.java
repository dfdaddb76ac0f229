package dev.vigil.base.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scheduler's proof of life: the latest heartbeat of any node's Quartz scheduler. */
@Service
public class SchedulerHeartbeats {

    /** How often the heartbeat job fires. */
    public static final Duration INTERVAL = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    SchedulerHeartbeats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A heartbeat as stored: which scheduler instance, when, and how many beats so far. */
    public record Heartbeat(String instanceId, Instant beatAt, long beats) {
    }

    @Transactional
    void record(String instanceId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE scheduler_heartbeat SET beat_at = ?, beats = beats + 1 WHERE instance_id = ?")
                .params(now, instanceId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO scheduler_heartbeat (instance_id, beat_at, beats) VALUES (?, ?, 1)")
                    .params(instanceId, now).update();
        }
    }

    /** The most recent heartbeat of any node, if the scheduler ever fired. */
    @Transactional(readOnly = true)
    public Optional<Heartbeat> latest() {
        return jdbc.sql("SELECT instance_id, beat_at, beats FROM scheduler_heartbeat ORDER BY beat_at DESC LIMIT 1")
                .query((rs, n) -> new Heartbeat(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getLong(3)))
                .optional();
    }

    /** True when the newest heartbeat is older than three intervals: the scheduler has stalled. */
    public boolean isStale(Heartbeat heartbeat) {
        return heartbeat.beatAt().isBefore(clock.instant().minus(INTERVAL.multipliedBy(3)));
    }
}

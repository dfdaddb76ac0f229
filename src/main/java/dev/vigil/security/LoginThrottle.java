package dev.vigil.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed password checks per username and per client address in {@code login_attempt}, so every
 * node sees the same counts, and locks a key that fails too often within the window. Unknown usernames
 * are counted like known ones, so a lock says nothing about whether a user exists.
 */
@Service
class LoginThrottle {

    private final JdbcClient jdbc;
    private final LoginThrottleProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long the username or the address must still wait, if either is locked. */
    @Transactional(readOnly = true)
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        return keys(username, address)
                .flatMap(key -> jdbc.sql("SELECT locked_until FROM login_attempt WHERE throttle_key = ?").param(key)
                        .query(OffsetDateTime.class).optional().stream())
                .map(OffsetDateTime::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until))
                .max(Duration::compareTo);
    }

    /** Counts a failed password check; the failure that reaches the limit locks the key. */
    @Transactional
    void failed(String username, String address) {
        fail(userKey(username), properties.maxFailuresPerUser());
        if (address != null) {
            fail(addressKey(address), properties.maxFailuresPerAddress());
        }
    }

    /**
     * Forgets the username's failures and lock-outs. The address keeps its count: one valid account
     * must not let an address go on guessing the passwords of others.
     */
    @Transactional
    void succeeded(String username) {
        jdbc.sql("DELETE FROM login_attempt WHERE throttle_key = ?").param(userKey(username)).update();
    }

    private void fail(String key, int maxFailures) {
        Instant now = clock.instant();
        Optional<Attempts> row = lock(key);
        if (row.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO login_attempt (throttle_key, failures, window_start, lockouts) VALUES (?, 0, ?, 0)")
                        .params(key, utc(now)).update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // the row exists now; lock it below like any other
            }
            row = lock(key);
        }
        Attempts attempts = row.orElseThrow();
        boolean windowOver = attempts.windowStart().plus(properties.window()).isBefore(now);
        boolean lockLongPast = attempts.lockedUntil() == null
                || attempts.lockedUntil().plus(properties.maxLock()).isBefore(now);
        int failures = windowOver ? 1 : attempts.failures() + 1;
        Instant windowStart = windowOver ? now : attempts.windowStart();
        int lockouts = windowOver && lockLongPast ? 0 : attempts.lockouts();
        Instant lockedUntil = attempts.lockedUntil();
        if (failures >= maxFailures) {
            Duration lock = lockDuration(lockouts);
            lockedUntil = now.plus(lock);
            lockouts++;
            failures = 0;
            windowStart = now;
            audit.recordAs("system", "system", "login.locked", "login", key, null,
                    Map.of("lockedUntil", lockedUntil.toString(), "lockMinutes", lock.toMinutes(), "lockout", lockouts));
        }
        jdbc.sql("UPDATE login_attempt SET failures = ?, window_start = ?, lockouts = ?, locked_until = ? "
                + "WHERE throttle_key = ?")
                .params(failures, utc(windowStart), lockouts, lockedUntil == null ? null : utc(lockedUntil), key)
                .update();
    }

    /** The first lock lasts {@code lock}, each further one twice as long as the one before, up to {@code max-lock}. */
    private Duration lockDuration(int previousLockouts) {
        Duration lock = properties.lock();
        for (int i = 0; i < previousLockouts && lock.compareTo(properties.maxLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(properties.maxLock()) > 0 ? properties.maxLock() : lock;
    }

    private Optional<Attempts> lock(String key) {
        return jdbc.sql("SELECT failures, window_start, lockouts, locked_until FROM login_attempt "
                + "WHERE throttle_key = ? FOR UPDATE")
                .param(key)
                .query((rs, n) -> new Attempts(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getInt(3), Optional.ofNullable(rs.getObject(4, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .optional();
    }

    private static Stream<String> keys(String username, String address) {
        return address == null ? Stream.of(userKey(username)) : Stream.of(userKey(username), addressKey(address));
    }

    private static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Attempts(int failures, Instant windowStart, int lockouts, Instant lockedUntil) {
    }
}

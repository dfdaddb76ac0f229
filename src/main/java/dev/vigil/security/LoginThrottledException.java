package dev.vigil.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused before its password was checked, because the username or the client address failed
 * too often; says only how long to wait, never whether the user exists.
 */
public class LoginThrottledException extends LockedException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed logins; try again later");
        this.wait = wait;
    }

    /** Whole minutes to wait, at least one. */
    public long minutes() {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}

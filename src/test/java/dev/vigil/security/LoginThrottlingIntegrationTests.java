package dev.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vigil.VigilIntegrationTest;
import dev.vigil.security.ui.LoginView;

/**
 * Password guessing through the login form: a username or an address that fails too often waits,
 * with the right password too, without learning whether the user exists; others are not held up.
 * The test context locks for 10 s (vigil.security.login-throttle.lock), so the lock's end is seen.
 */
@VigilIntegrationTest
class LoginThrottlingIntegrationTests {

    private static final String PASSWORD = "throttle passphrase 1";

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration users;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    LoginThrottleProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveFailuresLockTheUsernameSoEvenTheRightPasswordWaitsWhileOthersLogIn() {
        String ana = newUser();
        String bo = newUser();
        for (int i = 0; i < 5; i++) {
            LoginSession wrong = LoginSession.login(port, ana, "wrong guess " + i);
            assertThat(wrong.loggedIn()).isFalse();
            assertThat(wrong.redirect()).as("failure %d is an ordinary one", i + 1).endsWith("/login?error");
        }

        LoginSession sixth = LoginSession.login(port, ana, PASSWORD);

        assertThat(sixth.loggedIn()).as("the right password while locked").isFalse();
        assertThat(sixth.redirect()).endsWith("/login?error&locked=1");
        assertThat(LoginSession.login(port, bo, PASSWORD).loggedIn()).as("another user").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'login.locked' AND target_id = ?")
                .param("user:" + ana).query(Long.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> LoginSession.login(port, ana, PASSWORD).loggedIn());
    }

    @Test
    void anUnknownUsernameIsLockedJustLikeAKnownOne() {
        String known = newUser();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            LoginSession.login(port, known, "wrong guess " + i);
            LoginSession.login(port, unknown, "wrong guess " + i);
        }

        assertThat(LoginSession.login(port, unknown, PASSWORD).redirect())
                .isEqualTo(LoginSession.login(port, known, PASSWORD).redirect())
                .endsWith("/login?error&locked=1");
    }

    @Test
    void aSuccessfulLoginForgetsTheEarlierFailures() {
        String ana = newUser();
        for (int i = 0; i < 4; i++) {
            LoginSession.login(port, ana, "wrong guess " + i);
        }
        assertThat(LoginSession.login(port, ana, PASSWORD).loggedIn()).isTrue();
        for (int i = 0; i < 4; i++) {
            LoginSession.login(port, ana, "wrong again " + i);
        }

        assertThat(LoginSession.login(port, ana, PASSWORD).loggedIn()).as("4 + 4 failures around a success").isTrue();
    }

    @Test
    void anAddressThatFailsForManyUsernamesIsLockedForAllOfThemButOtherAddressesAreNot() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        jdbc.sql("DELETE FROM login_attempt WHERE throttle_key = ?").param("address:" + address).update();
        for (int i = 0; i < properties.maxFailuresPerAddress(); i++) {
            assertThat(throttle.lockedFor("sprayed-" + i, address)).as("before failure %d", i + 1).isEmpty();
            throttle.failed("sprayed-" + UUID.randomUUID(), address);
        }

        assertThat(throttle.lockedFor("someone-else-" + UUID.randomUUID(), address)).isPresent();
        assertThat(throttle.lockedFor("someone-else-" + UUID.randomUUID(), "198.51.100.7")).isEmpty();
    }

    @Test
    void eachFurtherLockOutLastsTwiceAsLong() {
        String name = "repeat-" + UUID.randomUUID();
        Duration first = lockOut(name);
        jdbc.sql("UPDATE login_attempt SET locked_until = ? WHERE throttle_key = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), "user:" + name).update();
        Duration second = lockOut(name);

        assertThat(first).isPositive().isLessThanOrEqualTo(properties.lock());
        assertThat(second).isGreaterThan(properties.lock()).isLessThanOrEqualTo(properties.lock().multipliedBy(2));
    }

    @Test
    void theLoginFormSaysHowLongToWait() {
        assertThat(LoginView.message(15)).isEqualTo("Too many attempts — try again in 15 minutes.");
        assertThat(LoginView.message(1)).isEqualTo("Too many attempts — try again in 1 minute.");
    }

    private Duration lockOut(String name) {
        for (int i = 0; i < properties.maxFailuresPerUser(); i++) {
            throttle.failed(name, null);
        }
        return throttle.lockedFor(name, null).orElseThrow();
    }

    private String newUser() {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(username, null, PASSWORD, Set.of(Role.RESPONDER), List.of());
        return username;
    }
}

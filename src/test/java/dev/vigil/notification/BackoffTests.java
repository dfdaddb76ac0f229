package dev.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @ParameterizedTest(name = "after {0} attempts: {1}–{2} ms")
    @CsvSource({
            "1, 500, 1000",
            "2, 1000, 2000",
            "3, 2000, 4000",
            "5, 8000, 16000",
            "9, 128000, 256000",
            "10, 150000, 300000",
            "40, 150000, 300000"})
    void waitsExponentiallyLongerWithJitterUpToTheCap(int attempts, long shortest, long longest) {
        assertThat(backoff.after(attempts, 0.0)).isEqualTo(Duration.ofMillis(shortest));
        assertThat(backoff.after(attempts, 0.999_999)).isEqualTo(Duration.ofMillis(longest));
        assertThat(backoff.after(attempts, 0.5).toMillis()).isBetween(shortest, longest);
    }
}

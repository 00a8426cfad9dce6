package io.cti.bridge.connection;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCapWithinTwentyPercent() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        long[] expected = {100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000};
        for (long millis : expected) {
            assertThat(backoff.next().toMillis()).isBetween((long) (millis * 0.8), Math.min(5000, (long) (millis * 1.2)));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        }
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(80L, 120L);
    }
}

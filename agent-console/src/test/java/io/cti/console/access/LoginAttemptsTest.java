package io.cti.console.access;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginAttemptsTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    @Property
    void anAccountLocksExactlyAtTheLimitOfFailuresInARow(@ForAll @IntRange(min = 1, max = 20) int limit,
                                                         @ForAll @IntRange(min = 0, max = 25) int failures) {
        LockoutPolicy policy = new LockoutPolicy(limit, LOCK);
        LoginAttempts attempts = LoginAttempts.NONE;
        for (int i = 0; i < failures; i++) {
            attempts = attempts.afterFailure(NOW.plusSeconds(i), policy);
        }

        Instant afterwards = NOW.plusSeconds(failures);
        assertThat(attempts.lockedAt(afterwards)).isEqualTo(failures >= limit);
    }

    @Property
    void attemptsOnALockedAccountNeitherCountNorExtendTheLock(@ForAll @IntRange(min = 1, max = 10) int limit,
                                                             @ForAll @IntRange(min = 1, max = 50) int moreTries) {
        LockoutPolicy policy = new LockoutPolicy(limit, LOCK);
        LoginAttempts locked = LoginAttempts.NONE;
        for (int i = 0; i < limit; i++) {
            locked = locked.afterFailure(NOW, policy);
        }
        LoginAttempts later = locked;
        for (int i = 1; i <= moreTries; i++) {
            later = later.afterFailure(NOW.plusSeconds(i), policy);
        }

        assertThat(later).isEqualTo(locked);
        assertThat(later.lockedUntil()).isEqualTo(NOW.plus(LOCK));
    }

    @Test
    void theLockEndsAfterItsDuration() {
        LoginAttempts locked = new LoginAttempts(5, NOW.plus(LOCK));

        assertThat(locked.lockedAt(NOW.plus(LOCK).minusMillis(1))).isTrue();
        assertThat(locked.lockedAt(NOW.plus(LOCK))).isFalse();
    }

    @Test
    void aFailureAfterAnExpiredLockCountsFromOneAgain() {
        LockoutPolicy policy = new LockoutPolicy(3, LOCK);
        LoginAttempts expired = new LoginAttempts(3, NOW.minusSeconds(1));

        LoginAttempts next = expired.afterFailure(NOW, policy);

        assertThat(next).isEqualTo(new LoginAttempts(1, null));
        assertThat(next.lockedAt(NOW)).isFalse();
    }

    @Test
    void aSuccessForgetsEveryFailure() {
        assertThat(new LoginAttempts(2, null).afterSuccess()).isEqualTo(LoginAttempts.NONE);
    }

    @Test
    void aPolicyWithoutFailuresOrDurationIsRefused() {
        assertThatThrownBy(() -> new LockoutPolicy(0, LOCK)).hasMessageContaining("at least one failure");
        assertThatThrownBy(() -> new LockoutPolicy(3, Duration.ZERO)).hasMessageContaining("positive time");
    }
}

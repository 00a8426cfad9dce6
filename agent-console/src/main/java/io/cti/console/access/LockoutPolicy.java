package io.cti.console.access;

import java.time.Duration;
import java.util.Objects;

/**
 * When failed logins lock an account: after {@code maxFailures} in a row, for {@code duration}. Immutable.
 */
public record LockoutPolicy(int maxFailures, Duration duration) {

    public LockoutPolicy {
        Objects.requireNonNull(duration, "duration");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("an account locks after at least one failure, not " + maxFailures);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout lasts a positive time, not " + duration);
        }
    }
}

package io.cti.bridge.connection;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter for reconnect attempts: initial, 2x, 4x ... up to the cap, each spread by
 * up to 20% so that many bridges do not reconnect in step after a PBX restart. Not thread-safe: used by the
 * link's supervisor thread only.
 */
final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** The delay before the next attempt; each call counts one more failed attempt. */
    Duration next() {
        int exponent = Math.min(failures, 30);
        failures++;
        long base = initialNanos << exponent;
        if (base <= 0 || base > maxNanos) {
            base = maxNanos;
        }
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofNanos(Math.min(maxNanos, (long) (base * jitter)));
    }

    void reset() {
        failures = 0;
    }
}

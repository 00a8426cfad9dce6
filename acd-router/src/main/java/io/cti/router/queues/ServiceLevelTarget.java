package io.cti.router.queues;

import java.time.Duration;
import java.util.Objects;

/** A service-level goal such as "80% of calls answered within 20 s". Immutable. */
public record ServiceLevelTarget(int percent, Duration within) {

    public ServiceLevelTarget {
        Objects.requireNonNull(within, "within");
    }

    /** Whether a call answered after {@code waited} counts as answered within the target. */
    public boolean met(Duration waited) {
        return waited.compareTo(within) <= 0;
    }
}

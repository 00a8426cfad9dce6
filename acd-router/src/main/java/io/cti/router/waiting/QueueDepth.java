package io.cti.router.waiting;

import io.cti.core.ids.QueueName;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many calls wait in a queue and since when the oldest of them waits. Calls under reservation are not
 * waiting. Immutable.
 */
public record QueueDepth(QueueName queue, long waiting, Optional<Instant> oldestEnqueuedAt) {

    public QueueDepth {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(oldestEnqueuedAt, "oldestEnqueuedAt");
        if (waiting < 0) {
            throw new IllegalArgumentException("a queue cannot hold a negative number of calls: " + waiting);
        }
    }

    /** The longest wait at {@code now}; zero for an empty queue. */
    public Duration longestWait(Instant now) {
        return oldestEnqueuedAt.map(oldest -> Duration.between(oldest, now)).filter(d -> !d.isNegative())
                .orElse(Duration.ZERO);
    }
}

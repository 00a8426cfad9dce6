package io.cti.router.queues;

import java.time.Instant;
import java.util.Objects;

/**
 * A queue definition as stored: whether it still takes calls (a retired queue keeps its row because calls,
 * routing decisions and statistics name it), its version for optimistic replaces, and when it was created and
 * last changed. Immutable.
 */
public record StoredQueue(QueueDefinition definition, boolean active, int version, Instant createdAt, Instant updatedAt) {

    public StoredQueue {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

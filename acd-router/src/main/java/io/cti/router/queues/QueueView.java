package io.cti.router.queues;

import java.time.Instant;

/**
 * A stored queue as the API answers it: the definition in the very shape a POST or PUT body takes (so a client
 * can edit what it read and PUT it back), then what only the store decides. Immutable.
 */
record QueueView(QueueDraft definition, boolean active, int version, Instant createdAt, Instant updatedAt) {

    static QueueView of(StoredQueue stored) {
        return new QueueView(QueueDraft.of(stored.definition()), stored.active(), stored.version(), stored.createdAt(),
                stored.updatedAt());
    }
}

package io.cti.router.staff;

import java.time.Instant;

/**
 * A stored agent as the API answers it: the profile in the shape a POST or PUT body takes, then what only the
 * store decides. Immutable.
 */
record AgentView(AgentDraft profile, boolean active, int version, Instant createdAt, Instant updatedAt) {

    static AgentView of(StoredAgent stored) {
        return new AgentView(AgentDraft.of(stored.profile()), stored.active(), stored.version(), stored.createdAt(),
                stored.updatedAt());
    }
}

package io.cti.router.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent profile as stored: whether the agent may still log in (a deactivated agent keeps their row, since
 * calls and history name them), its version for optimistic replaces, and when it was created and last changed.
 * Immutable.
 */
public record StoredAgent(AgentProfile profile, boolean active, int version, Instant createdAt, Instant updatedAt) {

    public StoredAgent {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

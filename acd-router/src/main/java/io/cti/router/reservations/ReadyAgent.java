package io.cti.router.reservations;

import io.cti.core.ids.AgentId;

import java.time.Instant;
import java.util.Objects;

/** An agent a router may reserve, and since when they are idle (for longest-idle routing). Immutable. */
public record ReadyAgent(AgentId agent, Instant idleSince) {

    public ReadyAgent {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(idleSince, "idleSince");
    }
}

package io.cti.core.messages;

import io.cti.core.ids.AgentId;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent (from the console) asks to be Ready, Not ready with a reason code, or logged out; logging in is going
 * Ready or Not ready from logged out. The router validates the move and answers with {@link AgentStateChanged} or
 * leaves the state as it was. {@code reasonCode} is empty unless {@code requested} is {@code NOT_READY}. Immutable.
 */
public record ChangeAgentState(MessageId id, Instant occurredAt, AgentId agentId, AgentStatus requested,
                               String reasonCode) implements Command {

    public ChangeAgentState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(reasonCode, "reasonCode");
        if (requested != AgentStatus.READY && requested != AgentStatus.NOT_READY && requested != AgentStatus.LOGGED_OUT) {
            throw new IllegalArgumentException("an agent can ask for READY, NOT_READY or LOGGED_OUT, not " + requested);
        }
    }

    public static ChangeAgentState now(AgentId agentId, AgentStatus requested, String reasonCode) {
        return new ChangeAgentState(MessageId.random(), Instant.now(), agentId, requested, reasonCode);
    }
}

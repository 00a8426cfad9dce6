package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's state changed: the new {@code status} since {@code since}, the reason code when Not ready, the call
 * when the state is about one (reserved, ringing, on call, wrap-up), and the end of a timed wrap-up. Published by
 * the router for the agent's console and the wallboard. Immutable.
 *
 * @param callId     the call the state is about, or {@code null}
 * @param wrapUpEnds when a wrap-up ends on its own, or {@code null}
 */
public record AgentStateChanged(MessageId id, Instant occurredAt, AgentId agentId, AgentStatus status,
                                String reasonCode, Instant since, CallId callId, Instant wrapUpEnds)
        implements DomainEvent {

    public AgentStateChanged {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(since, "since");
    }
}

package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent (from the console) hands their caller on to a {@link TransferTarget}: a queue, where the caller waits
 * and is routed like any call keeping their customer context, or one named agent. The transferring agent goes to
 * wrap-up once the caller has left them. Only the agent the call is connected to may ask; the console and the
 * router both check. Immutable.
 */
public record TransferCall(MessageId id, Instant occurredAt, CallId callId, AgentId agentId, TransferTarget target)
        implements Command {

    public TransferCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(target, "target");
        if (target.kind() == TransferTarget.Kind.AGENT && target.name().equals(agentId.value())) {
            throw new IllegalArgumentException("agent " + agentId + " cannot transfer a call to themselves");
        }
    }

    public static TransferCall now(CallId callId, AgentId agentId, TransferTarget target) {
        return new TransferCall(MessageId.random(), Instant.now(), callId, agentId, target);
    }
}

package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent (from the console) asks to put the caller of their call on hold: the caller hears music, the agent stays
 * on the line; {@link ResumeCall} brings the caller back. Only the agent the call is connected to may ask; the
 * console and the router both check. The PBX bridge answers with {@link CallHeld}. Immutable.
 */
public record HoldCall(MessageId id, Instant occurredAt, CallId callId, AgentId agentId) implements Command {

    public HoldCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agentId");
    }

    public static HoldCall now(CallId callId, AgentId agentId) {
        return new HoldCall(MessageId.random(), Instant.now(), callId, agentId);
    }
}

package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent (from the console) asks to bring the caller they put on hold ({@link HoldCall}) back to the
 * conversation. The PBX bridge answers with {@link CallResumed}. Immutable.
 */
public record ResumeCall(MessageId id, Instant occurredAt, CallId callId, AgentId agentId) implements Command {

    public ResumeCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agentId");
    }

    public static ResumeCall now(CallId callId, AgentId agentId) {
        return new ResumeCall(MessageId.random(), Instant.now(), callId, agentId);
    }
}

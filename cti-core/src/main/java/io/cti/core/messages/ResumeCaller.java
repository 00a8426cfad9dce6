package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks the PBX bridge to bring a caller held by {@link HoldCaller} back to the agent's phone. Sent by the router once
 * it has checked an agent's {@link ResumeCall}; the bridge answers with {@link CallResumed}. Immutable.
 */
public record ResumeCaller(MessageId id, Instant occurredAt, CallId callId) implements Command {

    public ResumeCaller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
    }

    public static ResumeCaller now(CallId callId) {
        return new ResumeCaller(MessageId.random(), Instant.now(), callId);
    }
}

package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks the PBX bridge to put the caller of a connected call on hold: the caller hears music, the agent's phone stays
 * on the line in silence. Sent by the router once it has checked an agent's {@link HoldCall}; the bridge answers with
 * {@link CallHeld}. Immutable.
 */
public record HoldCaller(MessageId id, Instant occurredAt, CallId callId) implements Command {

    public HoldCaller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
    }

    public static HoldCaller now(CallId callId) {
        return new HoldCaller(MessageId.random(), Instant.now(), callId);
    }
}

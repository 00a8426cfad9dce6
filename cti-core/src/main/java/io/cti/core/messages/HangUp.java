package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/** Asks the PBX bridge to end a call; its {@link CallEnded} then names the platform as the party that hung up. Immutable. */
public record HangUp(MessageId id, Instant occurredAt, CallId callId) implements Command {

    public HangUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
    }

    public static HangUp now(CallId callId) {
        return new HangUp(MessageId.random(), Instant.now(), callId);
    }
}

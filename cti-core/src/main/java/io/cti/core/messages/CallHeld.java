package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/** A party of the call put it on hold; {@code channel} is the channel that was held. Immutable. */
public record CallHeld(MessageId id, Instant occurredAt, CallId callId, String channel) implements DomainEvent {

    public CallHeld {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(channel, "channel");
    }

    public static CallHeld now(CallId callId, String channel) {
        return new CallHeld(MessageId.random(), Instant.now(), callId, channel);
    }
}

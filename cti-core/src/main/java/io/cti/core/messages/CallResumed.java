package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/** A held call was taken off hold; {@code channel} is the channel that had been held. Immutable. */
public record CallResumed(MessageId id, Instant occurredAt, CallId callId, String channel) implements DomainEvent {

    public CallResumed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(channel, "channel");
    }

    public static CallResumed now(CallId callId, String channel) {
        return new CallResumed(MessageId.random(), Instant.now(), callId, channel);
    }
}

package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/** The agent's phone at {@code endpoint} answered: caller and agent now talk over {@code channel}. Immutable. */
public record CallConnected(MessageId id, Instant occurredAt, CallId callId, String endpoint, String channel)
        implements DomainEvent {

    public CallConnected {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(channel, "channel");
    }

    public static CallConnected now(CallId callId, String endpoint, String channel) {
        return new CallConnected(MessageId.random(), Instant.now(), callId, endpoint, channel);
    }
}

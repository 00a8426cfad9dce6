package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * The call was transferred by its agent; {@code target} is where it went (an extension for a blind transfer, the
 * new party's channel for an attended one). Immutable.
 */
public record CallTransferred(MessageId id, Instant occurredAt, CallId callId, TransferKind kind, String target)
        implements DomainEvent {

    public CallTransferred {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    public static CallTransferred now(CallId callId, TransferKind kind, String target) {
        return new CallTransferred(MessageId.random(), Instant.now(), callId, kind, target);
    }
}

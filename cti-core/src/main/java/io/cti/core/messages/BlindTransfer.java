package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/** Asks the PBX bridge to send the caller of a call to {@code extension} in dialplan {@code context}. Immutable. */
public record BlindTransfer(MessageId id, Instant occurredAt, CallId callId, String context, String extension)
        implements Command {

    public BlindTransfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(extension, "extension");
    }

    public static BlindTransfer now(CallId callId, String context, String extension) {
        return new BlindTransfer(MessageId.random(), Instant.now(), callId, context, extension);
    }
}

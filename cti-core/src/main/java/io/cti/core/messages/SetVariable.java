package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks the PBX bridge to set the channel variable {@code name} to {@code value} on the caller's channel of a call.
 * Immutable; {@link #toString()} shows only the value's length, since values may carry customer data.
 */
public record SetVariable(MessageId id, Instant occurredAt, CallId callId, String name, String value)
        implements Command {

    public SetVariable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static SetVariable now(CallId callId, String name, String value) {
        return new SetVariable(MessageId.random(), Instant.now(), callId, name, value);
    }

    @Override
    public String toString() {
        return "SetVariable[id=" + id + ", occurredAt=" + occurredAt + ", callId=" + callId + ", name=" + name
                + ", value=(" + value.length() + " characters)]";
    }
}

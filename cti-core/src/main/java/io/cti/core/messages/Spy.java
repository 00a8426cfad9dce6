package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks the PBX bridge to ring the supervisor's phone at {@code supervisorEndpoint} (e.g. {@code PJSIP/3001}) and,
 * on answer, join the agent's side of a call in {@code mode}. Immutable.
 */
public record Spy(MessageId id, Instant occurredAt, CallId callId, String supervisorEndpoint, SpyMode mode)
        implements Command {

    public Spy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(supervisorEndpoint, "supervisorEndpoint");
        Objects.requireNonNull(mode, "mode");
    }

    public static Spy now(CallId callId, String supervisorEndpoint, SpyMode mode) {
        return new Spy(MessageId.random(), Instant.now(), callId, supervisorEndpoint, mode);
    }
}

package io.cti.core.messages;

import java.time.Instant;
import java.util.Objects;

/** The PBX reported a new state for the phone at {@code endpoint} (e.g. {@code PJSIP/2001}). Immutable. */
public record AgentPhoneState(MessageId id, Instant occurredAt, String endpoint, PhoneDeviceState state)
        implements DomainEvent {

    public AgentPhoneState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(state, "state");
    }

    public static AgentPhoneState now(String endpoint, PhoneDeviceState state) {
        return new AgentPhoneState(MessageId.random(), Instant.now(), endpoint, state);
    }
}

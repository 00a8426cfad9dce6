package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * The PBX started ringing an agent's phone for a call: {@code endpoint} is the phone's device as the PBX names it
 * (e.g. {@code PJSIP/2001}), {@code channel} the new channel to it. The moment to show the screen-pop. Immutable.
 */
public record AgentLegRinging(MessageId id, Instant occurredAt, CallId callId, String endpoint, String channel)
        implements DomainEvent {

    public AgentLegRinging {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(channel, "channel");
    }

    public static AgentLegRinging now(CallId callId, String endpoint, String channel) {
        return new AgentLegRinging(MessageId.random(), Instant.now(), callId, endpoint, channel);
    }
}

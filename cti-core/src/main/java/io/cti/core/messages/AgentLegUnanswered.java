package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * The PBX stopped ringing an agent's phone without an answer: {@code dialStatus} is Asterisk's DIALSTATUS for the
 * agent leg ({@code NOANSWER}, {@code BUSY}, {@code CHANUNAVAIL}, {@code CONGESTION}, {@code CANCEL}); the caller
 * is back in the holding context. The router's cue for RONA. Immutable.
 */
public record AgentLegUnanswered(MessageId id, Instant occurredAt, CallId callId, String endpoint, String channel,
                                 String dialStatus) implements DomainEvent {

    public AgentLegUnanswered {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(dialStatus, "dialStatus");
    }

    public static AgentLegUnanswered now(CallId callId, String endpoint, String channel, String dialStatus) {
        return new AgentLegUnanswered(MessageId.random(), Instant.now(), callId, endpoint, channel, dialStatus);
    }
}

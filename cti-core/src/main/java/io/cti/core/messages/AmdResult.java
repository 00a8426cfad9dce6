package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * Answering-machine detection finished on an answered outbound call; {@code cause} is the reason Asterisk's AMD()
 * gives (e.g. {@code TOOLONG-5000}, {@code HUMAN-1000-500}). Immutable.
 */
public record AmdResult(MessageId id, Instant occurredAt, CallId callId, AmdVerdict verdict, String cause)
        implements DomainEvent {

    public AmdResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(cause, "cause");
    }

    public static AmdResult now(CallId callId, AmdVerdict verdict, String cause) {
        return new AmdResult(MessageId.random(), Instant.now(), callId, verdict, cause);
    }
}

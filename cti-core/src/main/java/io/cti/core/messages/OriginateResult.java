package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * How an outbound call attempt ended before reaching an agent. {@code actionRef} correlates it with the
 * {@link OriginateToCustomer} command (it is that command's id); {@code callId} is the call the PBX created, or
 * {@code null} when it created none (busy, no answer, failure). {@code reasonCode} is the PBX's raw reason and
 * {@code cause} its reading. Immutable.
 */
public record OriginateResult(MessageId id, Instant occurredAt, String actionRef, CallId callId,
                              OriginateOutcome outcome, int reasonCode, String cause) implements DomainEvent {

    public OriginateResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actionRef, "actionRef");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cause, "cause");
    }

    public static OriginateResult now(String actionRef, CallId callId, OriginateOutcome outcome, int reasonCode,
                                      String cause) {
        return new OriginateResult(MessageId.random(), Instant.now(), actionRef, callId, outcome, reasonCode, cause);
    }
}

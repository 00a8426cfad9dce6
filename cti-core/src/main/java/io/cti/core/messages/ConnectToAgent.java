package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Asks the PBX bridge to connect a waiting caller to the phone of the reserved agent {@code agentId}, dialled as
 * {@code extension} in the platform's agent-connect context, ringing at most {@code ringTimeout} before the caller
 * goes back to waiting. {@code fencingToken} is the reservation's (null: none), so that the bridge ignores the command
 * once that reservation is no longer current (see {@link ReservationFence}). Immutable.
 */
public record ConnectToAgent(MessageId id, Instant occurredAt, CallId callId, AgentId agentId, String extension,
                             Duration ringTimeout, Long fencingToken) implements Command, ReservationFenced {

    public ConnectToAgent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ring timeout must be positive: " + ringTimeout);
        }
        if (fencingToken != null && fencingToken <= 0) {
            throw new IllegalArgumentException("fencing token must be positive: " + fencingToken);
        }
    }

    /** A command fenced by no reservation. */
    public ConnectToAgent(MessageId id, Instant occurredAt, CallId callId, AgentId agentId, String extension,
                          Duration ringTimeout) {
        this(id, occurredAt, callId, agentId, extension, ringTimeout, null);
    }

    public static ConnectToAgent now(CallId callId, AgentId agentId, String extension, Duration ringTimeout) {
        return new ConnectToAgent(MessageId.random(), Instant.now(), callId, agentId, extension, ringTimeout, null);
    }

    /** A command for the reservation with {@code fencingToken}. */
    public static ConnectToAgent now(CallId callId, AgentId agentId, String extension, Duration ringTimeout,
                                     long fencingToken) {
        return new ConnectToAgent(MessageId.random(), Instant.now(), callId, agentId, extension, ringTimeout,
                fencingToken);
    }
}

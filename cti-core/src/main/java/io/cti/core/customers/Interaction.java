package io.cti.core.customers;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact with a customer and its outcome, as written to their history. {@code id} is 0 until stored.
 * Timings are in seconds and null where they do not apply (an e-mail has no talk time). Immutable.
 */
public record Interaction(long id, Channel channel, Direction direction, String agentId, String callId,
                          String queue, String outcome, String disposition, String notes,
                          Instant startedAt, Instant endedAt, Integer waitSeconds, Integer talkSeconds) {

    public Interaction {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        if (endedAt != null && endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("interaction ends before it starts: " + startedAt + " > " + endedAt);
        }
    }
}

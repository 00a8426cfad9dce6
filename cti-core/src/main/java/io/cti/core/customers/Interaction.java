package io.cti.core.customers;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact with a customer and its outcome, as written to their history. {@code id} is 0 until stored.
 * Timings are whole seconds and null where they do not apply (an e-mail has no talk time); none is negative. A
 * call's timings follow it from arrival to the end of wrap-up: wait (queued until the answering agent's phone
 * rang), ring, talk (without hold), hold (all holds added up) and wrap-up (after hang-up). Immutable.
 */
public record Interaction(long id, Channel channel, Direction direction, String agentId, String callId,
                          String queue, String outcome, String disposition, String notes,
                          Instant startedAt, Instant endedAt, Integer waitSeconds, Integer ringSeconds,
                          Integer talkSeconds, Integer holdSeconds, Integer wrapUpSeconds) {

    public Interaction {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        if (endedAt != null && endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("interaction ends before it starts: " + startedAt + " > " + endedAt);
        }
        notNegative("wait", waitSeconds);
        notNegative("ring", ringSeconds);
        notNegative("talk", talkSeconds);
        notNegative("hold", holdSeconds);
        notNegative("wrap-up", wrapUpSeconds);
    }

    /** A contact with only wait and talk time known, such as one entered at the console or an e-mail. */
    public Interaction(long id, Channel channel, Direction direction, String agentId, String callId, String queue,
                       String outcome, String disposition, String notes, Instant startedAt, Instant endedAt,
                       Integer waitSeconds, Integer talkSeconds) {
        this(id, channel, direction, agentId, callId, queue, outcome, disposition, notes, startedAt, endedAt,
                waitSeconds, null, talkSeconds, null, null);
    }

    private static void notNegative(String timing, Integer seconds) {
        if (seconds != null && seconds < 0) {
            throw new IllegalArgumentException("a " + timing + " time cannot be negative: " + seconds + " s");
        }
    }
}

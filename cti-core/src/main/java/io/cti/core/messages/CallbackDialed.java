package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * A callback's customer leg finished dialing: the platform called the agent's phone first ({@link CallBackCustomer}),
 * the agent picked up, and the PBX dialed the customer from there. {@code outcome} says whether the customer
 * answered ({@code ANSWERED}: agent and customer now talk) or why not ({@code BUSY}, {@code NO_ANSWER},
 * {@code CONGESTION}, {@code FAILED}); {@code dialStatus} is the PBX's own word for it (Asterisk's DIALSTATUS) and
 * {@code channel} the customer's channel (empty when none was made). Published once per callback call. Immutable.
 */
public record CallbackDialed(MessageId id, Instant occurredAt, CallId callId, String channel, OriginateOutcome outcome,
                             String dialStatus) implements DomainEvent {

    public CallbackDialed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(dialStatus, "dialStatus");
    }

    public static CallbackDialed now(CallId callId, String channel, OriginateOutcome outcome, String dialStatus) {
        return new CallbackDialed(MessageId.random(), Instant.now(), callId, channel, outcome, dialStatus);
    }

    /** Whether the customer answered. */
    public boolean reached() {
        return outcome == OriginateOutcome.ANSWERED;
    }
}

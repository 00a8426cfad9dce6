package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Asks the PBX bridge to make a callback the router routed to the reserved agent {@code agentId}: first ring the
 * agent's phone ({@code extension}, at most {@code ringTimeout}; unanswered is RONA, told as
 * {@link AgentLegUnanswered}), then, once the agent picked up, dial the customer at {@code number} (E.164) for at most
 * {@code dialTimeout}, presenting {@code callerId} (empty: the PBX's own), told as {@link CallbackDialed}. The PBX
 * call gets {@code callId} as its id, so every event of it names the callback the router filed. {@code queue} is
 * the queue the callback was routed in. {@code fencingToken} is the routing reservation's (null: none, such as a
 * click-to-dial's), so that the bridge ignores the command once it is no longer current (see
 * {@link ReservationFence}). Immutable; {@link #toString()} masks the numbers.
 */
public record CallBackCustomer(MessageId id, Instant occurredAt, CallId callId, AgentId agentId, String extension,
                               String number, String callerId, QueueName queue, Duration ringTimeout,
                               Duration dialTimeout, Long fencingToken) implements Command, ReservationFenced {

    public CallBackCustomer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(queue, "queue");
        requirePositive("ring timeout", ringTimeout);
        requirePositive("dial timeout", dialTimeout);
        if (fencingToken != null && fencingToken <= 0) {
            throw new IllegalArgumentException("fencing token must be positive: " + fencingToken);
        }
    }

    /** A command fenced by no reservation. */
    public CallBackCustomer(MessageId id, Instant occurredAt, CallId callId, AgentId agentId, String extension,
                            String number, String callerId, QueueName queue, Duration ringTimeout,
                            Duration dialTimeout) {
        this(id, occurredAt, callId, agentId, extension, number, callerId, queue, ringTimeout, dialTimeout, null);
    }

    public static CallBackCustomer now(CallId callId, AgentId agentId, String extension, String number,
                                       String callerId, QueueName queue, Duration ringTimeout, Duration dialTimeout) {
        return new CallBackCustomer(MessageId.random(), Instant.now(), callId, agentId, extension, number, callerId,
                queue, ringTimeout, dialTimeout, null);
    }

    /** The same command for the routing reservation with {@code fencingToken}. */
    public CallBackCustomer fencedBy(long fencingToken) {
        return new CallBackCustomer(id, occurredAt, callId, agentId, extension, number, callerId, queue, ringTimeout,
                dialTimeout, fencingToken);
    }

    private static void requirePositive(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
    }

    @Override
    public String toString() {
        return "CallBackCustomer[id=" + id + ", occurredAt=" + occurredAt + ", callId=" + callId + ", agentId="
                + agentId + ", extension=" + extension + ", number=" + PhoneNumber.mask(number) + ", callerId="
                + PhoneNumber.mask(callerId) + ", queue=" + queue + ", ringTimeout=" + ringTimeout + ", dialTimeout="
                + dialTimeout + ", fencingToken=" + fencingToken + "]";
    }
}

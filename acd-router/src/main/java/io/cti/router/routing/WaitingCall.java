package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call waiting for an agent as routing sees it: the queue it was dialed into, its priority, when it was enqueued
 * (overflow and aging count from here, also after a move to another queue), the caller's facts and the customer's
 * last agent for sticky routing. Immutable and thread-safe.
 *
 * @param lastAgent the agent who last served this customer, or null
 */
public record WaitingCall(CallId id, QueueName queue, CallPriority priority, Instant enqueuedAt, CustomerFacts customer,
                          AgentId lastAgent) {

    public WaitingCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(customer, "customer");
    }

    /** The call's place in line, {@link CallPriority#orderKey(long, double, double)}: lower goes first. */
    public double orderKey() {
        return CallPriority.orderKey(enqueuedAt.toEpochMilli(), priority.base(), priority.agingPerSecond());
    }

    public double effectivePriorityAt(Instant now) {
        return priority.effectiveAt(enqueuedAt, now);
    }

    public Duration waitedAt(Instant now) {
        return now.isAfter(enqueuedAt) ? Duration.between(enqueuedAt, now) : Duration.ZERO;
    }

    public Optional<AgentId> stickyAgent() {
        return Optional.ofNullable(lastAgent);
    }
}

package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;

import java.time.Instant;
import java.util.Objects;

/**
 * One call given to one agent, in the queue it was finally routed in (after redirect and overflow), at
 * {@code decidedAt}, with its {@link RoutingReason}. The agent still has to be reserved. Immutable.
 */
public record RoutingDecision(CallId call, AgentId agent, QueueName queue, Instant decidedAt, RoutingReason reason) {

    public RoutingDecision {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** "call c1 → agent a7 in queue sales: ..." */
    public String text() {
        return "call " + call + " → agent " + agent + " in queue " + queue + ": " + reason.text();
    }

    @Override
    public String toString() {
        return text();
    }
}

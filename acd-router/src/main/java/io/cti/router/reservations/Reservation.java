package io.cti.router.reservations;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;

import java.time.Instant;
import java.util.Objects;

/**
 * A call promised to an agent until {@code deadline} (Redis server time): while it is current nobody else can get
 * the call or the agent. {@code queue} and {@code orderKey} are the call's original place, where it goes back if
 * the reservation is released or expires. Immutable.
 */
public record Reservation(FencingToken token, CallId call, AgentId agent, QueueName queue, double orderKey,
                          RouterId router, Instant deadline) {

    public Reservation {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(deadline, "deadline");
    }
}

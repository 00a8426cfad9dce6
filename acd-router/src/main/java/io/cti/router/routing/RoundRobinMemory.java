package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where round robin stopped in each queue: the agent who got that queue's last call. Passed into a routing round and
 * returned from it, so it can be kept anywhere (in Redis beside the queue) and several router processes share it.
 * Immutable and thread-safe.
 */
public record RoundRobinMemory(Map<QueueName, AgentId> lastServed) {

    private static final RoundRobinMemory EMPTY = new RoundRobinMemory(Map.of());

    public RoundRobinMemory {
        lastServed = Map.copyOf(lastServed);
    }

    public static RoundRobinMemory empty() {
        return EMPTY;
    }

    public Optional<AgentId> lastFor(QueueName queue) {
        return Optional.ofNullable(lastServed.get(queue));
    }

    /** This memory with {@code agent} as the last agent served in {@code queue}. */
    public RoundRobinMemory with(QueueName queue, AgentId agent) {
        Map<QueueName, AgentId> next = new HashMap<>(lastServed);
        next.put(queue, agent);
        return new RoundRobinMemory(next);
    }
}

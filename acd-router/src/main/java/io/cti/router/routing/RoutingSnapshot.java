package io.cti.router.routing;

import io.cti.router.RouterException;
import io.cti.router.agents.Agent;
import io.cti.router.queues.QueueDefinition;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a routing round looks at: the queue definitions, the agents (in any state: busy ones matter for sticky
 * routing and for explaining waits), the waiting calls and the round-robin memory. An agent or call listed twice is
 * refused ({@code duplicate-in-routing-snapshot}). Immutable.
 */
public record RoutingSnapshot(List<QueueDefinition> queues, List<Agent> agents, List<WaitingCall> calls,
                              RoundRobinMemory memory) {

    public RoutingSnapshot {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        calls = List.copyOf(calls);
        Objects.requireNonNull(memory, "memory");
        refuseDuplicates("queue", queues.stream().map(QueueDefinition::name).toList());
        refuseDuplicates("agent", agents.stream().map(Agent::id).toList());
        refuseDuplicates("call", calls.stream().map(WaitingCall::id).toList());
    }

    private static void refuseDuplicates(String what, List<?> ids) {
        Set<Object> seen = new HashSet<>();
        for (Object id : ids) {
            if (!seen.add(id)) {
                throw RouterException.duplicateInRoutingSnapshot(what, id);
            }
        }
    }
}

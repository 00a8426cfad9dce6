package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.queues.QueueDefinition;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes down a decision: the agent counts as given the call, round robin remembers them, and the reason is put
 * together from everything that led to the choice. Not thread-safe: owned by one {@link RoutingBoard}.
 */
final class Decisions {

    private final AgentRegistry agents;
    private final Map<QueueName, AgentId> roundRobin;

    Decisions(AgentRegistry agents, Map<QueueName, AgentId> roundRobin) {
        this.agents = agents;
        this.roundRobin = roundRobin;
    }

    RoutingDecision decide(CallEntry e, Agent agent, RoutingReason.Basis basis, int considered, List<Candidate> top,
                           Instant now) {
        QueueDefinition queue = e.target.queue();
        agents.give(agent, e.call.id(), now);
        if (queue.strategy() == RoutingStrategy.ROUND_ROBIN) {
            roundRobin.put(queue.name(), agent.id());
        }
        RoutingReason reason = new RoutingReason(e.call.priority().terms(), e.call.effectivePriorityAt(now),
                e.call.waitedAt(now), e.target.terms(), AgentSelector.skillsMatched(agent, e.target.requirements()),
                queue.strategy(), basis, considered, top, e.sticky);
        return new RoutingDecision(e.call.id(), agent.id(), queue.name(), now, reason);
    }
}

package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.router.agents.Agent;
import io.cti.router.skills.SkillRequirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A pool for round robin with memory: agents in id order; the next call goes to the first agent after the one the
 * queue's memory names, wrapping round to the first.
 */
final class RoundRobinPool extends AgentPool {

    private final TreeMap<String, Agent> byId = new TreeMap<>();

    RoundRobinPool(List<SkillRequirement> requirements) {
        super(requirements, RoutingStrategy.ROUND_ROBIN);
    }

    @Override
    void add(Agent agent) {
        byId.putIfAbsent(agent.id().value(), agent);
    }

    @Override
    void remove(Agent agent) {
        byId.remove(agent.id().value());
    }

    @Override
    int size() {
        return byId.size();
    }

    @Override
    Pick pick(AgentId lastServed, RandomGenerator random, Instant now) {
        String last = lastServed == null ? null : lastServed.value();
        List<Candidate> top = new ArrayList<>(TOP);
        Map.Entry<String, Agent> entry = after(last);
        Agent chosen = entry.getValue();
        for (int i = 0; i < Math.min(TOP, size()); i++) {
            top.add(new Candidate(entry.getValue().id(), i, i == 0
                    ? (last == null ? "first in turn" : "next after " + last) : "turn +" + i));
            entry = after(entry.getKey());
        }
        return new Pick(chosen, size(), top);
    }

    private Map.Entry<String, Agent> after(String id) {
        Map.Entry<String, Agent> next = id == null ? null : byId.higherEntry(id);
        return next != null ? next : byId.firstEntry();
    }
}

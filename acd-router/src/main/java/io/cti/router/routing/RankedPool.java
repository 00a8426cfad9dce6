package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.router.agents.Agent;
import io.cti.router.skills.SkillRequirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/** A pool for the ranking strategies (longest idle, fewest calls, skill-weighted): the best agent is first. */
final class RankedPool extends AgentPool {

    private final TreeSet<AgentSelector.Ranked> ranked = new TreeSet<>();
    private final Map<AgentId, AgentSelector.Ranked> byId = new HashMap<>();

    RankedPool(List<SkillRequirement> requirements, RoutingStrategy strategy) {
        super(requirements, strategy);
    }

    @Override
    void add(Agent agent) {
        AgentSelector.Ranked r = AgentSelector.ranked(strategy, agent, requirements);
        if (byId.putIfAbsent(agent.id(), r) == null) {
            ranked.add(r);
        }
    }

    @Override
    void remove(Agent agent) {
        AgentSelector.Ranked r = byId.remove(agent.id());
        if (r != null) {
            ranked.remove(r);
        }
    }

    @Override
    int size() {
        return byId.size();
    }

    @Override
    Pick pick(AgentId lastServed, RandomGenerator random, Instant now) {
        List<Candidate> top = new ArrayList<>(TOP);
        Iterator<AgentSelector.Ranked> it = ranked.iterator();
        while (it.hasNext() && top.size() < TOP) {
            top.add(AgentSelector.candidate(strategy, it.next().agent(), requirements, now));
        }
        return new Pick(ranked.first().agent(), size(), top);
    }
}

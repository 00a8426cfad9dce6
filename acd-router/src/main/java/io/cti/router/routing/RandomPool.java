package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.router.agents.Agent;
import io.cti.router.skills.SkillRequirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A pool for the random strategy: agents in an array, so a uniform draw is one index; removal swaps the last agent
 * into the hole. Draws come from the injected generator, so a seeded one repeats its choices.
 */
final class RandomPool extends AgentPool {

    private final List<Agent> agents = new ArrayList<>();
    private final Map<AgentId, Integer> index = new HashMap<>();

    RandomPool(List<SkillRequirement> requirements) {
        super(requirements, RoutingStrategy.RANDOM);
    }

    @Override
    void add(Agent agent) {
        if (index.putIfAbsent(agent.id(), agents.size()) == null) {
            agents.add(agent);
        }
    }

    @Override
    void remove(Agent agent) {
        Integer at = index.remove(agent.id());
        if (at == null) {
            return;
        }
        Agent last = agents.remove(agents.size() - 1);
        if (at < agents.size()) {
            agents.set(at, last);
            index.put(last.id(), at);
        }
    }

    @Override
    int size() {
        return agents.size();
    }

    @Override
    Pick pick(AgentId lastServed, RandomGenerator random, Instant now) {
        Agent chosen = agents.get(random.nextInt(agents.size()));
        Candidate drawn = new Candidate(chosen.id(), 0, "drawn at random from " + agents.size());
        return new Pick(chosen, agents.size(), List.of(drawn));
    }
}

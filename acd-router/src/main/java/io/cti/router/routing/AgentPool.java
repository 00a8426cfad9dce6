package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.router.agents.Agent;
import io.cti.router.skills.SkillRequirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The free Ready agents who meet one set of requirements, kept in the order one strategy picks them, so a decision
 * costs a lookup instead of a scan of every agent. Lanes with the same requirements and strategy share a pool. Not
 * thread-safe: owned by one {@link RoutingBoard}.
 */
abstract class AgentPool {

    /** How many of the best candidates a decision's reason lists. */
    static final int TOP = 3;

    final List<SkillRequirement> requirements;
    final RoutingStrategy strategy;
    /** The lanes that draw from this pool, so a newly Ready agent finds the calls they can serve. */
    final List<Lane> lanes = new ArrayList<>(2);

    AgentPool(List<SkillRequirement> requirements, RoutingStrategy strategy) {
        this.requirements = requirements;
        this.strategy = strategy;
    }

    static AgentPool create(List<SkillRequirement> requirements, RoutingStrategy strategy) {
        return switch (strategy) {
            case ROUND_ROBIN -> new RoundRobinPool(requirements);
            case RANDOM -> new RandomPool(requirements);
            default -> new RankedPool(requirements, strategy);
        };
    }

    boolean admits(Agent agent) {
        return SkillRequirement.allMetBy(requirements, agent.skills());
    }

    abstract void add(Agent agent);

    abstract void remove(Agent agent);

    abstract int size();

    boolean isEmpty() {
        return size() == 0;
    }

    /**
     * The agent this pool's strategy gives the next call; {@code lastServed} is the agent who got the queue's last
     * call (round robin's memory, or null). The pool must not be empty.
     */
    abstract Pick pick(AgentId lastServed, RandomGenerator random, Instant now);

    /** The chosen agent, how many were weighed and the best few of them. */
    record Pick(Agent agent, int considered, List<Candidate> top) {
    }
}

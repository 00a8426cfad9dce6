package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The board's agents: the latest snapshot of each, the free ones (Ready and not yet given a call by this board),
 * an index of free agents by skill, and the agent pools. Insertion-ordered maps keep seeded random choices
 * repeatable. Not thread-safe: owned by one {@link RoutingBoard}.
 */
final class AgentRegistry {

    private record PoolKey(List<SkillRequirement> requirements, RoutingStrategy strategy) {
    }

    private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    private final Map<AgentId, Agent> free = new LinkedHashMap<>();
    private final Map<Skill, Set<AgentId>> freeBySkill = new HashMap<>();
    private final Map<PoolKey, AgentPool> pools = new LinkedHashMap<>();
    /** Pools by their first required skill (null: no skills), so a newly Ready agent is offered only to pools they may fit. */
    private final Map<Skill, List<AgentPool>> poolsBySkill = new HashMap<>();
    /** Every known agent by skill, free or not, for counting busy agents with the skills. */
    private final Map<Skill, Set<AgentId>> allBySkill = new HashMap<>();
    private final Map<AgentId, List<AgentPool>> poolsOf = new HashMap<>();

    Agent get(AgentId id) {
        return agents.get(id);
    }

    boolean isFree(AgentId id) {
        return free.containsKey(id);
    }

    int freeCount() {
        return free.size();
    }

    List<AgentPool> poolsOf(AgentId id) {
        return poolsOf.getOrDefault(id, List.of());
    }

    /** Takes in the latest snapshot of an agent: free if Ready, otherwise out of every pool. */
    void put(Agent agent) {
        release(agent.id());
        Agent was = agents.put(agent.id(), agent);
        if (was == null || !was.skills().keySet().equals(agent.skills().keySet())) {
            if (was != null) {
                was.skills().keySet().forEach(skill -> allBySkill.get(skill).remove(agent.id()));
            }
            agent.skills().keySet().forEach(skill -> allBySkill.computeIfAbsent(skill, s -> new LinkedHashSet<>())
                    .add(agent.id()));
        }
        if (agent.isReady()) {
            free.put(agent.id(), agent);
            List<AgentPool> in = new ArrayList<>(4);
            offer(agent, poolsBySkill.get(null), in);
            for (Skill skill : agent.skills().keySet()) {
                freeBySkill.computeIfAbsent(skill, s -> new LinkedHashSet<>()).add(agent.id());
                offer(agent, poolsBySkill.get(skill), in);
            }
            poolsOf.put(agent.id(), in);
        }
    }

    private static void offer(Agent agent, List<AgentPool> candidates, List<AgentPool> in) {
        if (candidates != null) {
            for (AgentPool pool : candidates) {
                if (pool.admits(agent)) {
                    pool.add(agent);
                    in.add(pool);
                }
            }
        }
    }

    /** The agent got {@code call} from this board: from now on they count as Reserved for it. */
    void give(Agent agent, CallId call, Instant now) {
        release(agent.id());
        agents.put(agent.id(), new Agent(agent.id(), agent.skills(), agent.teams(), agent.endpoint(),
                new AgentState.Reserved(call), now, agent.callsToday(), agent.idleSince(), agent.talkTime()));
    }

    /** Out of the free agents and their pools until the next {@link #put}; the snapshot stays as it is. */
    void withhold(AgentId id) {
        release(id);
    }

    private void release(AgentId id) {
        Agent was = free.remove(id);
        if (was == null) {
            return;
        }
        for (Skill skill : was.skills().keySet()) {
            freeBySkill.get(skill).remove(id);
        }
        for (AgentPool pool : poolsOf.remove(id)) {
            pool.remove(was);
        }
    }

    /** The pool for these requirements and strategy, filled from the free agents when first asked for. */
    AgentPool pool(List<SkillRequirement> requirements, RoutingStrategy strategy) {
        PoolKey key = new PoolKey(requirements, strategy);
        AgentPool pool = pools.get(key);
        if (pool == null) {
            pool = AgentPool.create(requirements, strategy);
            pools.put(key, pool);
            poolsBySkill.computeIfAbsent(requirements.isEmpty() ? null : requirements.get(0).skill(),
                    s -> new ArrayList<>()).add(pool);
            for (AgentId id : freeWithRarestSkill(requirements)) {
                Agent agent = free.get(id);
                if (pool.admits(agent)) {
                    pool.add(agent);
                    poolsOf.get(id).add(pool);
                }
            }
        }
        return pool;
    }

    /** The free agents who have the rarest required skill, a superset of those who meet every requirement. */
    private Set<AgentId> freeWithRarestSkill(List<SkillRequirement> requirements) {
        return new LinkedHashSet<>(holdersOfRarest(freeBySkill, free.keySet(), requirements));
    }

    /** Of {@code everyone}, those holding the required skill that the fewest of them hold ({@code bySkill}). */
    private static Set<AgentId> holdersOfRarest(Map<Skill, Set<AgentId>> bySkill, Set<AgentId> everyone,
                                               List<SkillRequirement> requirements) {
        Set<AgentId> smallest = everyone;
        for (SkillRequirement r : requirements) {
            Set<AgentId> having = bySkill.getOrDefault(r.skill(), Set.of());
            if (having.size() < smallest.size()) {
                smallest = having;
            }
        }
        return smallest;
    }

    /** Requirements that no free agent meets on their own. */
    List<SkillRequirement> unmetByAnyFreeAgent(List<SkillRequirement> requirements) {
        List<SkillRequirement> unmet = new ArrayList<>();
        for (SkillRequirement r : requirements) {
            boolean met = freeBySkill.getOrDefault(r.skill(), Set.of()).stream()
                    .anyMatch(id -> r.metBy(free.get(id).skills()));
            if (!met) {
                unmet.add(r);
            }
        }
        return unmet;
    }

    /** Logged-in agents who are not free but meet every requirement, counted by state (Reserved, OnCall, ...). */
    Map<String, Integer> busyMeeting(List<SkillRequirement> requirements) {
        // Only agents holding every skill can count: walk those of the rarest one.
        Map<String, Integer> busy = new TreeMap<>();
        for (AgentId id : holdersOfRarest(allBySkill, agents.keySet(), requirements)) {
            if (free.containsKey(id)) {
                continue;
            }
            Agent agent = agents.get(id);
            AgentState state = agent.state();
            if (!(state instanceof AgentState.LoggedOut) && SkillRequirement.allMetBy(requirements, agent.skills())) {
                busy.merge(state.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        return busy;
    }
}

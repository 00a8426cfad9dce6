package io.cti.router.routing;

import io.cti.router.agents.Agent;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.SkillRequirement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ranking rules of the routing strategies, in one place for the agent pools and the explanations: longest idle
 * (idle since the last call ended), fewest calls today (longest idle breaking ties), skill-weighted (sum of
 * proficiencies in the required skills, longest idle breaking ties). Round robin and random are not rankings; their
 * pools hold them. The agent id breaks every remaining tie, so choices never depend on map order. Stateless.
 */
final class AgentSelector {

    private AgentSelector() {
    }

    /** The rank key of an agent under {@code strategy}: lower {@code primary}, then lower {@code secondary}, go first. */
    static Ranked ranked(RoutingStrategy strategy, Agent agent, List<SkillRequirement> requirements) {
        long idle = agent.idleSince().toEpochMilli();
        return switch (strategy) {
            case FEWEST_CALLS -> new Ranked(agent, agent.callsToday(), idle);
            case SKILL_WEIGHTED -> new Ranked(agent, -skillScore(agent, requirements), idle);
            default -> new Ranked(agent, idle, 0);
        };
    }

    /** The sum of the agent's proficiency levels in the required skills. */
    static int skillScore(Agent agent, List<SkillRequirement> requirements) {
        int score = 0;
        for (SkillRequirement r : requirements) {
            Proficiency p = agent.skills().get(r.skill());
            score += p == null ? 0 : p.level();
        }
        return score;
    }

    /** How an agent looks to {@code strategy} at {@code now}, for the explanation of a decision. */
    static Candidate candidate(RoutingStrategy strategy, Agent agent, List<SkillRequirement> requirements, Instant now) {
        Duration idle = now.isAfter(agent.idleSince()) ? Duration.between(agent.idleSince(), now) : Duration.ZERO;
        return switch (strategy) {
            case LONGEST_IDLE -> new Candidate(agent.id(), idle.toMillis() / 1000.0, "idle " + Words.seconds(idle));
            case FEWEST_CALLS -> new Candidate(agent.id(), agent.callsToday(),
                    agent.callsToday() + " calls today, idle " + Words.seconds(idle));
            case SKILL_WEIGHTED -> new Candidate(agent.id(), skillScore(agent, requirements),
                    "proficiency " + skillScore(agent, requirements) + ", idle " + Words.seconds(idle));
            case ROUND_ROBIN, RANDOM -> new Candidate(agent.id(), 0, "idle " + Words.seconds(idle));
        };
    }

    /** The agent's proficiency in each required skill, such as "billing 7 (needs 3)". */
    static List<String> skillsMatched(Agent agent, List<SkillRequirement> requirements) {
        return requirements.stream()
                .map(r -> r.skill() + " " + agent.skills().get(r.skill()).level() + " (needs " + r.minimum().level() + ")")
                .toList();
    }

    /** An agent with a precomputed rank key, so pool comparisons do no map lookups. */
    record Ranked(Agent agent, long primary, long secondary) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            int c = Long.compare(primary, o.primary);
            if (c == 0) {
                c = Long.compare(secondary, o.secondary);
            }
            return c != 0 ? c : agent.id().value().compareTo(o.agent.id().value());
        }
    }
}

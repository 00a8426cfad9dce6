package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.OverflowStep;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.ServiceLevelTarget;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Queues, agents and calls for routing specifications, with defaults that stay out of the way. */
final class RoutingFixtures {

    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    private RoutingFixtures() {
    }

    static SkillRequirement needs(String skill, int minimum) {
        return SkillRequirement.of(skill, minimum);
    }

    static QueueDefinition queue(String name, RoutingStrategy strategy, SkillRequirement... skills) {
        return queue(name, strategy, Duration.ZERO, List.of(), skills);
    }

    static QueueDefinition queue(String name, RoutingStrategy strategy, Duration stickyWait, List<OverflowStep> overflow,
                                 SkillRequirement... skills) {
        return new QueueDefinition(QueueName.of(name), name, Arrays.asList(skills),
                new ServiceLevelTarget(80, Duration.ofSeconds(20)), Duration.ofSeconds(5), Duration.ofMinutes(30),
                overflow, false, strategy, stickyWait, Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    static AgentBuilder agent(String id) {
        return new AgentBuilder(id);
    }

    static CallPriority priority(double base) {
        return new CallPriority(base, 1, List.of("base +" + (long) base), SkillRedirect.NONE);
    }

    static WaitingCall call(String id, String queue, double base, Instant enqueuedAt) {
        return new WaitingCall(CallId.of(id), QueueName.of(queue), priority(base), enqueuedAt,
                CustomerFacts.unknownCaller(), null);
    }

    static WaitingCall stickyCall(String id, String queue, Instant enqueuedAt, String lastAgent) {
        return new WaitingCall(CallId.of(id), QueueName.of(queue), priority(100), enqueuedAt,
                CustomerFacts.unknownCaller(), AgentId.of(lastAgent));
    }

    static RoutingSnapshot snapshot(List<QueueDefinition> queues, List<Agent> agents, List<WaitingCall> calls) {
        return new RoutingSnapshot(queues, agents, calls, RoundRobinMemory.empty());
    }

    static Router router() {
        return new Router(new java.util.Random(42));
    }

    /** An agent, Ready and idle since an hour before {@link #NOW} unless told otherwise. */
    static final class AgentBuilder {
        private final String id;
        private final Map<Skill, Proficiency> skills = new HashMap<>();
        private AgentState state = AgentState.READY;
        private Instant idleSince = NOW.minus(Duration.ofHours(1));
        private int calls;

        private AgentBuilder(String id) {
            this.id = id;
        }

        AgentBuilder skill(String skill, int level) {
            skills.put(Skill.of(skill), Proficiency.of(level));
            return this;
        }

        AgentBuilder idleFor(Duration idle) {
            idleSince = NOW.minus(idle);
            return this;
        }

        AgentBuilder calls(int handled) {
            calls = handled;
            return this;
        }

        AgentBuilder state(AgentState value) {
            state = value;
            return this;
        }

        Agent build() {
            return new Agent(AgentId.of(id), skills, Set.of("team"), "PJSIP/" + Math.abs(id.hashCode() % 9000 + 1000),
                    state, NOW.minus(Duration.ofMinutes(1)), calls, idleSince, Duration.ofMinutes(calls * 4L));
        }
    }
}

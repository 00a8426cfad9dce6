package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.OverflowAction;
import io.cti.router.queues.OverflowStep;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.cti.router.routing.RoutingFixtures.NOW;

/**
 * Random call-center situations for the routing properties: a few queues over four skills with every strategy,
 * sticky waits and overflow steps; agents in every state; calls of any priority, some of them for undefined queues
 * or with a last agent. Small on purpose, so that collisions (two calls wanting one agent) are frequent.
 */
final class Scenarios {

    private static final List<String> SKILLS = List.of("s0", "s1", "s2", "s3");

    private Scenarios() {
    }

    static RoutingSnapshot snapshot(long seed) {
        Random r = new Random(seed);
        List<QueueDefinition> queues = queues(r);
        int agentCount = r.nextInt(13);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            agents.add(agent(r, "a" + i, randomState(r)));
        }
        int callCount = r.nextInt(16);
        List<WaitingCall> calls = new ArrayList<>();
        for (int i = 0; i < callCount; i++) {
            calls.add(call(r, "c" + i, NOW.minusSeconds(r.nextInt(121))));
        }
        return new RoutingSnapshot(queues, agents, calls, RoundRobinMemory.empty());
    }

    static List<QueueDefinition> queues(Random r) {
        int count = 1 + r.nextInt(4);
        List<QueueDefinition> queues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<OverflowStep> overflow = new ArrayList<>();
            if (r.nextInt(3) == 0) {
                overflow.add(new OverflowStep(Duration.ofSeconds(30), new OverflowAction.WidenSkills(requirements(r, 1))));
            }
            if (r.nextInt(3) == 0) {
                overflow.add(new OverflowStep(Duration.ofSeconds(60),
                        new OverflowAction.MoveToQueue(QueueName.of("q" + r.nextInt(count + 1)))));
            }
            RoutingStrategy strategy = RoutingStrategy.values()[r.nextInt(RoutingStrategy.values().length)];
            Duration sticky = r.nextBoolean() ? Duration.ZERO : Duration.ofSeconds(20);
            queues.add(RoutingFixtures.queue("q" + i, strategy, sticky, overflow,
                    requirements(r, 2).toArray(SkillRequirement[]::new)));
        }
        return queues;
    }

    private static List<SkillRequirement> requirements(Random r, int max) {
        List<String> skills = new ArrayList<>(SKILLS);
        java.util.Collections.shuffle(skills, r);
        int n = r.nextInt(max + 1);
        List<SkillRequirement> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SkillRequirement.of(skills.get(i), 1 + r.nextInt(10)));
        }
        return out;
    }

    static AgentState randomState(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> new AgentState.OnCall(CallId.of("busy"));
            case 1 -> new AgentState.NotReady("lunch");
            case 2 -> AgentState.LOGGED_OUT;
            default -> AgentState.READY;
        };
    }

    static Agent agent(Random r, String id, AgentState state) {
        Map<Skill, Proficiency> skills = new HashMap<>();
        for (String s : SKILLS) {
            if (r.nextInt(3) > 0) {
                skills.put(Skill.of(s), Proficiency.of(1 + r.nextInt(10)));
            }
        }
        return new Agent(AgentId.of(id), skills, Set.of(), "PJSIP/" + (2000 + id.hashCode() % 1000), state,
                NOW.minusSeconds(60), r.nextInt(10), NOW.minusSeconds(r.nextInt(3600)), Duration.ZERO);
    }

    static WaitingCall call(Random r, String id, Instant enqueuedAt) {
        String queue = "q" + r.nextInt(5);
        AgentId last = r.nextInt(3) == 0 ? AgentId.of("a" + r.nextInt(14)) : null;
        CallPriority p = new CallPriority(r.nextInt(500), 1, List.of("base"), SkillRedirect.NONE);
        return new WaitingCall(CallId.of(id), QueueName.of(queue), p, enqueuedAt, CustomerFacts.unknownCaller(), last);
    }
}

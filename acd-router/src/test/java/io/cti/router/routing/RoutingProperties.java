package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.queues.QueueDefinition;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.data.Offset;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.cti.router.routing.RoutingFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules of routing that hold for every call-center situation. */
class RoutingProperties {

    private static RoundResult route(RoutingSnapshot s, long seed) {
        return new Router(new Random(seed)).route(s, NOW);
    }

    private static Map<QueueName, QueueDefinition> queues(RoutingSnapshot s) {
        return s.queues().stream().collect(Collectors.toMap(QueueDefinition::name, Function.identity()));
    }

    @Property(tries = 500)
    void aDecisionNeverGivesACallToAnAgentWithoutTheSkillsItNeeds(@ForAll long seed) {
        RoutingSnapshot s = Scenarios.snapshot(seed);
        Map<AgentId, Agent> agents = s.agents().stream().collect(Collectors.toMap(Agent::id, Function.identity()));
        Map<CallId, WaitingCall> calls = s.calls().stream().collect(Collectors.toMap(WaitingCall::id, Function.identity()));

        for (RoutingDecision d : route(s, seed).decisions()) {
            Agent agent = agents.get(d.agent());
            CallTarget target = CallTarget.of(calls.get(d.call()), queues(s), NOW);
            assertThat(agent.isReady()).isTrue();
            assertThat(target.requirements()).allMatch(r -> r.metBy(agent.skills()));
            assertThat(d.queue()).isEqualTo(target.queueName());
        }
    }

    @Property(tries = 500)
    void aRoundNeverGivesOneAgentTwoCallsNorOneCallTwoAgents(@ForAll long seed) {
        RoutingSnapshot s = Scenarios.snapshot(seed);

        RoundResult result = route(s, seed);

        assertThat(result.decisions()).extracting(RoutingDecision::agent).doesNotHaveDuplicates();
        assertThat(result.decisions()).extracting(RoutingDecision::call).doesNotHaveDuplicates();
        Set<CallId> decided = result.decisions().stream().map(RoutingDecision::call).collect(Collectors.toSet());
        Set<CallId> waiting = result.waiting().stream().map(WaitExplanation::call).collect(Collectors.toSet());
        assertThat(java.util.Collections.disjoint(decided, waiting)).isTrue();
        assertThat(decided.size() + waiting.size()).isEqualTo(s.calls().size());
    }

    @Property(tries = 500)
    void afterARoundNoReadyAgentIsIdleWhileACallTheyCanServeWaits(@ForAll long seed) {
        RoutingSnapshot s = Scenarios.snapshot(seed);
        RoundResult result = route(s, seed);
        Set<AgentId> given = result.decisions().stream().map(RoutingDecision::agent).collect(Collectors.toSet());
        List<Agent> idle = s.agents().stream().filter(a -> a.isReady() && !given.contains(a.id())).toList();
        Map<CallId, WaitingCall> calls = s.calls().stream().collect(Collectors.toMap(WaitingCall::id, Function.identity()));

        for (WaitExplanation w : result.waiting()) {
            assertThat(w.reason()).isNotInstanceOf(WaitReason.RoutableNow.class);
            if (w.reason() instanceof WaitReason.NoEligibleAgent) {
                CallTarget target = CallTarget.of(calls.get(w.call()), queues(s), NOW);
                assertThat(idle).noneMatch(target::admits);
            }
        }
    }

    @Property(tries = 1000)
    void orderKeyOrderIsEffectivePriorityOrderAtEveryInstant(
            @ForAll @IntRange(min = -1000, max = 1000) int baseA, @ForAll @IntRange(min = -1000, max = 1000) int baseB,
            @ForAll @LongRange(min = 0, max = 86_400_000) long enqueuedA, @ForAll @LongRange(min = 0, max = 86_400_000) long enqueuedB,
            @ForAll @LongRange(min = 0, max = 86_400_000) long later, @ForAll @DoubleRange(min = 0.01, max = 50) double aging) {
        long epoch = NOW.toEpochMilli();
        Instant at = Instant.ofEpochMilli(epoch + Math.max(enqueuedA, enqueuedB) + later);
        CallPriority a = new CallPriority(baseA, aging, List.of(), SkillRedirect.NONE);
        CallPriority b = new CallPriority(baseB, aging, List.of(), SkillRedirect.NONE);
        Instant inA = Instant.ofEpochMilli(epoch + enqueuedA);
        Instant inB = Instant.ofEpochMilli(epoch + enqueuedB);

        double keyDifference = a.orderKey(inA) - b.orderKey(inB);
        double priorityDifference = a.effectiveAt(inA, at) - b.effectiveAt(inB, at);

        // Exact in real numbers: priorityDifference = -keyDifference × aging / 1000. A key near today's epoch (about
        // 1.8e12 ms) is a double resolved to about 0.25 µs, so compare within a few of those steps of aging.
        double keyStep = Math.ulp(Math.max(Math.abs(a.orderKey(inA)), Math.abs(b.orderKey(inB))));
        double tolerance = 4 * keyStep * aging / 1000.0 + 1e-9 * Math.abs(priorityDifference) + 1e-9;
        assertThat(priorityDifference).isCloseTo(-keyDifference * aging / 1000.0, Offset.offset(tolerance));
        if (Math.abs(priorityDifference) > tolerance) {
            assertThat(Math.signum(keyDifference)).isEqualTo(-Math.signum(priorityDifference));
        }
    }

    @Property(tries = 200)
    void theBoardLeavesNothingDecidableAfterEveryIncrementalStep(@ForAll long seed) {
        Random r = new Random(seed);
        RoutingSnapshot s = Scenarios.snapshot(seed);
        RoutingBoard board = new Router(new Random(seed)).board(s, NOW);
        Set<AgentId> busyOnBoard = new HashSet<>();
        Instant now = NOW;
        for (int step = 0; step < 40; step++) {
            now = now.plusSeconds(r.nextInt(15));
            List<RoutingDecision> decisions;
            if (r.nextBoolean()) {
                String id = "a" + r.nextInt(14);
                Agent agent = Scenarios.agent(r, id, Scenarios.randomState(r));
                busyOnBoard.remove(agent.id());
                decisions = board.decideFor(agent, now);
            } else {
                decisions = board.decideFor(Scenarios.call(r, "n" + step, now.minusSeconds(r.nextInt(60))), now);
            }
            for (RoutingDecision d : decisions) {
                assertThat(busyOnBoard.add(d.agent())).as("agent %s given twice", d.agent()).isTrue();
            }
            RoundResult after = board.round(now);
            assertThat(after.decisions()).as("decisions left over at step %d", step).isEmpty();
            assertThat(after.waiting()).extracting(WaitExplanation::reason)
                    .noneMatch(reason -> reason instanceof WaitReason.RoutableNow);
        }
    }
}

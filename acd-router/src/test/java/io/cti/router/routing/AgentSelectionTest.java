package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.queues.QueueDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.cti.router.routing.RoutingFixtures.NOW;
import static io.cti.router.routing.RoutingFixtures.agent;
import static io.cti.router.routing.RoutingFixtures.call;
import static io.cti.router.routing.RoutingFixtures.needs;
import static io.cti.router.routing.RoutingFixtures.queue;
import static io.cti.router.routing.RoutingFixtures.router;
import static io.cti.router.routing.RoutingFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** How each strategy picks among the Ready agents with the skills. */
class AgentSelectionTest {

    private static AgentId routeOneCall(RoutingStrategy strategy, Agent... agents) {
        QueueDefinition q = queue("q", strategy, needs("billing", 3));
        RoundResult result = router().route(snapshot(List.of(q), List.of(agents),
                List.of(call("c1", "q", 100, NOW.minusSeconds(5)))), NOW);
        assertThat(result.decisions()).hasSize(1);
        return result.decisions().get(0).agent();
    }

    @Test
    void longestIdleGivesTheCallToTheAgentIdleLongest() {
        AgentId chosen = routeOneCall(RoutingStrategy.LONGEST_IDLE,
                agent("a1").skill("billing", 5).idleFor(Duration.ofMinutes(2)).build(),
                agent("a2").skill("billing", 5).idleFor(Duration.ofMinutes(9)).build(),
                agent("a3").skill("billing", 5).idleFor(Duration.ofMinutes(4)).build());

        assertThat(chosen).isEqualTo(AgentId.of("a2"));
    }

    @Test
    void anAgentWithoutTheSkillNeverGetsTheCallHoweverLongIdle() {
        AgentId chosen = routeOneCall(RoutingStrategy.LONGEST_IDLE,
                agent("a1").skill("billing", 2).idleFor(Duration.ofHours(5)).build(),
                agent("a2").skill("sales", 9).idleFor(Duration.ofHours(4)).build(),
                agent("a3").skill("billing", 3).idleFor(Duration.ofMinutes(1)).build());

        assertThat(chosen).isEqualTo(AgentId.of("a3"));
    }

    @Test
    void fewestCallsGivesTheCallToTheAgentWithFewestCallsToday() {
        AgentId chosen = routeOneCall(RoutingStrategy.FEWEST_CALLS,
                agent("a1").skill("billing", 5).calls(7).idleFor(Duration.ofMinutes(30)).build(),
                agent("a2").skill("billing", 5).calls(2).idleFor(Duration.ofMinutes(1)).build(),
                agent("a3").skill("billing", 5).calls(4).build());

        assertThat(chosen).isEqualTo(AgentId.of("a2"));
    }

    @Test
    void fewestCallsBreaksATieByLongestIdle() {
        AgentId chosen = routeOneCall(RoutingStrategy.FEWEST_CALLS,
                agent("a1").skill("billing", 5).calls(3).idleFor(Duration.ofMinutes(1)).build(),
                agent("a2").skill("billing", 5).calls(3).idleFor(Duration.ofMinutes(6)).build());

        assertThat(chosen).isEqualTo(AgentId.of("a2"));
    }

    @Test
    void skillWeightedGivesTheCallToTheMostProficientAgent() {
        AgentId chosen = routeOneCall(RoutingStrategy.SKILL_WEIGHTED,
                agent("a1").skill("billing", 4).idleFor(Duration.ofHours(2)).build(),
                agent("a2").skill("billing", 9).idleFor(Duration.ofMinutes(1)).build(),
                agent("a3").skill("billing", 6).build());

        assertThat(chosen).isEqualTo(AgentId.of("a2"));
    }

    @Test
    void skillWeightedBreaksATieByLongestIdle() {
        AgentId chosen = routeOneCall(RoutingStrategy.SKILL_WEIGHTED,
                agent("a1").skill("billing", 8).idleFor(Duration.ofMinutes(1)).build(),
                agent("a2").skill("billing", 8).idleFor(Duration.ofMinutes(5)).build());

        assertThat(chosen).isEqualTo(AgentId.of("a2"));
    }

    @Test
    void roundRobinGivesTheCallToTheAgentAfterTheOneServedLast() {
        QueueDefinition q = queue("q", RoutingStrategy.ROUND_ROBIN, needs("billing", 1));
        RoundRobinMemory memory = RoundRobinMemory.empty().with(QueueName.of("q"), AgentId.of("a2"));
        List<Agent> agents = List.of(agent("a1").skill("billing", 5).build(), agent("a2").skill("billing", 5).build(),
                agent("a3").skill("billing", 5).build());

        RoundResult result = router().route(new RoutingSnapshot(List.of(q), agents,
                List.of(call("c1", "q", 100, NOW)), memory), NOW);

        assertThat(result.decisions().get(0).agent()).isEqualTo(AgentId.of("a3"));
        assertThat(result.memory().lastFor(QueueName.of("q"))).contains(AgentId.of("a3"));
    }

    @Test
    void roundRobinWrapsRoundToTheFirstAgentAfterTheLast() {
        QueueDefinition q = queue("q", RoutingStrategy.ROUND_ROBIN, needs("billing", 1));
        RoundRobinMemory memory = new RoundRobinMemory(Map.of(QueueName.of("q"), AgentId.of("a3")));
        List<Agent> agents = List.of(agent("a1").skill("billing", 5).build(), agent("a2").skill("billing", 5).build(),
                agent("a3").skill("billing", 5).build());

        RoundResult result = router().route(new RoutingSnapshot(List.of(q), agents,
                List.of(call("c1", "q", 100, NOW)), memory), NOW);

        assertThat(result.decisions().get(0).agent()).isEqualTo(AgentId.of("a1"));
    }

    @Test
    void roundRobinServesEveryAgentInTurnAcrossRounds() {
        QueueDefinition q = queue("q", RoutingStrategy.ROUND_ROBIN, needs("billing", 1));
        List<Agent> agents = List.of(agent("a1").skill("billing", 5).build(), agent("a2").skill("billing", 5).build());
        RoundRobinMemory memory = RoundRobinMemory.empty();
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            RoundResult r = router().route(new RoutingSnapshot(List.of(q), agents,
                    List.of(call("c" + i, "q", 100, NOW)), memory), NOW);
            order.append(r.decisions().get(0).agent()).append(' ');
            memory = r.memory();
        }

        assertThat(order.toString().trim()).isEqualTo("a1 a2 a1 a2");
    }

    @Test
    void randomRepeatsItsChoiceWithTheSameSeedAndPicksOnlyEligibleAgents() {
        QueueDefinition q = queue("q", RoutingStrategy.RANDOM, needs("billing", 1));
        List<Agent> agents = List.of(agent("a1").skill("billing", 5).build(), agent("a2").skill("billing", 5).build(),
                agent("a3").skill("billing", 5).build(), agent("x").skill("sales", 5).build());
        RoutingSnapshot s = snapshot(List.of(q), agents, List.of(call("c1", "q", 100, NOW)));

        AgentId first = new Router(new Random(7)).route(s, NOW).decisions().get(0).agent();
        AgentId again = new Router(new Random(7)).route(s, NOW).decisions().get(0).agent();

        assertThat(again).isEqualTo(first);
        assertThat(first.value()).startsWith("a");
    }

    @Test
    void randomSpreadsCallsOverAllEligibleAgents() {
        QueueDefinition q = queue("q", RoutingStrategy.RANDOM, needs("billing", 1));
        List<Agent> agents = List.of(agent("a1").skill("billing", 5).build(), agent("a2").skill("billing", 5).build(),
                agent("a3").skill("billing", 5).build());
        Router router = new Router(new Random(11));
        java.util.Set<AgentId> chosen = new java.util.HashSet<>();
        for (int i = 0; i < 60; i++) {
            chosen.add(router.route(snapshot(List.of(q), agents, List.of(call("c1", "q", 100, NOW))), NOW)
                    .decisions().get(0).agent());
        }

        assertThat(chosen).hasSize(3);
    }
}

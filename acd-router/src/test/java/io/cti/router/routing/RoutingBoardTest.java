package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.QueueDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cti.router.routing.RoutingFixtures.NOW;
import static io.cti.router.routing.RoutingFixtures.agent;
import static io.cti.router.routing.RoutingFixtures.call;
import static io.cti.router.routing.RoutingFixtures.needs;
import static io.cti.router.routing.RoutingFixtures.queue;
import static io.cti.router.routing.RoutingFixtures.router;
import static io.cti.router.routing.RoutingFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** Incremental decisions: one agent becomes Ready, or one call arrives. */
class RoutingBoardTest {

    private static final QueueDefinition BILLING = queue("billing", RoutingStrategy.LONGEST_IDLE, needs("billing", 1));
    private static final QueueDefinition SALES = queue("sales", RoutingStrategy.LONGEST_IDLE, needs("sales", 1));

    @Test
    void anAgentBecomingReadyTakesTheMostUrgentCallTheyCanServeAcrossQueues() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING, SALES), List.of(), List.of(
                call("c-billing", "billing", 100, NOW), call("c-sales", "sales", 300, NOW),
                call("c-other", "sales", 50, NOW))), NOW);
        board.round(NOW);

        List<RoutingDecision> decisions = board.decideFor(agent("a1").skill("billing", 3).skill("sales", 3).build(), NOW);

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.call()).isEqualTo(CallId.of("c-sales"));
            assertThat(d.reason().basis()).isEqualTo(RoutingReason.Basis.AGENT_BECAME_READY);
            assertThat(d.text()).contains("agent became Ready and took the most urgent of 3 waiting calls");
        });
        assertThat(board.waitingCalls()).isEqualTo(2);
    }

    @Test
    void anAgentWithoutTheSkillsStaysFreeWhileCallsWait() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING), List.of(),
                List.of(call("c1", "billing", 100, NOW))), NOW);

        assertThat(board.decideFor(agent("s1").skill("sales", 9).build(), NOW)).isEmpty();
        assertThat(board.freeAgents()).isEqualTo(1);
    }

    @Test
    void aCallArrivingWhileAnAgentIsFreeIsRoutedAtOnce() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING), List.of(agent("a1").skill("billing", 2).build()),
                List.of()), NOW);

        List<RoutingDecision> decisions = board.decideFor(call("c1", "billing", 100, NOW), NOW);

        assertThat(decisions).extracting(RoutingDecision::agent).containsExactly(AgentId.of("a1"));
        assertThat(board.freeAgents()).isZero();
    }

    @Test
    void anAgentGivenACallIsNotGivenASecondOne() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING), List.of(agent("a1").skill("billing", 2).build()),
                List.of()), NOW);
        board.decideFor(call("c1", "billing", 100, NOW), NOW);

        assertThat(board.decideFor(call("c2", "billing", 900, NOW), NOW)).isEmpty();
        assertThat(board.whyWaiting(CallId.of("c2"), NOW)).hasValueSatisfying(w ->
                assertThat(w.text()).contains("agents with the skills are busy: 1 Reserved"));
    }

    @Test
    void anAgentGoingNotReadyLeavesTheFreeAgents() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING), List.of(agent("a1").skill("billing", 2).build()),
                List.of()), NOW);

        board.decideFor(agent("a1").skill("billing", 2).state(new AgentState.NotReady("lunch")).build(), NOW);

        assertThat(board.decideFor(call("c1", "billing", 100, NOW), NOW)).isEmpty();
    }

    @Test
    void aForgottenCallIsNoLongerRouted() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING), List.of(),
                List.of(call("c1", "billing", 100, NOW))), NOW);
        board.round(NOW);

        assertThat(board.forget(CallId.of("c1"))).isTrue();
        assertThat(board.decideFor(agent("a1").skill("billing", 2).build(), NOW)).isEmpty();
    }

    @Test
    void theFirstEntryPointMakesTheDecisionsTheSnapshotAllows() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING), List.of(agent("a1").skill("billing", 2).build()),
                List.of(call("c1", "billing", 100, NOW))), NOW);

        List<RoutingDecision> decisions = board.decideFor(call("c2", "billing", 50, NOW), NOW);

        assertThat(decisions).extracting(RoutingDecision::call).containsExactly(CallId.of("c1"));
    }
}

package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.OverflowAction;
import io.cti.router.queues.OverflowStep;
import io.cti.router.queues.QueueDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cti.router.routing.RoutingFixtures.NOW;
import static io.cti.router.routing.RoutingFixtures.agent;
import static io.cti.router.routing.RoutingFixtures.call;
import static io.cti.router.routing.RoutingFixtures.needs;
import static io.cti.router.routing.RoutingFixtures.queue;
import static io.cti.router.routing.RoutingFixtures.router;
import static io.cti.router.routing.RoutingFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Incremental decisions: one agent becomes Ready, one call arrives, or time passes. */
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

    @Test
    void anOverflowStepFallingDueRoutesTheCallWithoutAnyOtherChange() {
        QueueDefinition mandarin = queue("mandarin", RoutingStrategy.LONGEST_IDLE, Duration.ZERO,
                List.of(new OverflowStep(Duration.ofSeconds(60),
                        new OverflowAction.WidenSkills(List.of(needs("billing", 1))))),
                needs("mandarin", 5), needs("billing", 3));
        RoutingBoard board = router().board(snapshot(List.of(mandarin), List.of(agent("b1").skill("billing", 2).build()),
                List.of(call("c1", "mandarin", 100, NOW))), NOW);
        assertThat(board.decideDue(NOW.plusSeconds(59))).isEmpty();

        List<RoutingDecision> decisions = board.decideDue(NOW.plusSeconds(60));

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo(AgentId.of("b1"));
            assertThat(d.text()).contains("overflow after 60 s");
        });
    }

    @Test
    void waitReasonsAreGivenForTheCallsAskedAboutOnly() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING, SALES), List.of(), List.of(
                call("c1", "billing", 100, NOW), call("c2", "sales", 100, NOW), call("c3", "billing", 50, NOW))), NOW);
        board.decideDue(NOW);

        List<WaitExplanation> reasons = board.whyWaiting(List.of(CallId.of("c3"), CallId.of("gone"), CallId.of("c1")), NOW);

        assertThat(reasons).extracting(WaitExplanation::call).containsExactly(CallId.of("c3"), CallId.of("c1"));
        assertThat(reasons.get(0).text()).contains("no free Ready agent with billing>=1");
    }

    @Test
    void explainingStopsBeforeTheCallThatWouldCountOneLaneMoreThanAllowed() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING, SALES), List.of(), List.of(
                call("c1", "billing", 100, NOW), call("c2", "billing", 90, NOW), call("c3", "sales", 80, NOW))), NOW);
        board.decideDue(NOW);
        LaneCounts counts = LaneCounts.fresh();

        RoutingBoard.Explained first = board.whyWaiting(
                List.of(CallId.of("c1"), CallId.of("gone"), CallId.of("c2"), CallId.of("c3")), NOW, counts, 1);
        RoutingBoard.Explained rest = board.whyWaiting(List.of(CallId.of("c3")), NOW, counts, 1);

        assertThat(first.reasons()).extracting(WaitExplanation::call).containsExactly(CallId.of("c1"), CallId.of("c2"));
        assertThat(first.lookedAt()).isEqualTo(3);
        assertThat(rest.reasons()).extracting(WaitExplanation::call).containsExactly(CallId.of("c3"));
        assertThat(rest.reasons().get(0).text()).contains("no free Ready agent with sales>=1");
    }

    @Test
    void aLaneCountedInAnEarlierPartCostsNothingInTheNext() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING, SALES), List.of(), List.of(
                call("c1", "billing", 100, NOW), call("c2", "sales", 90, NOW), call("c3", "billing", 80, NOW))), NOW);
        board.decideDue(NOW);
        LaneCounts counts = LaneCounts.fresh();
        board.whyWaiting(List.of(CallId.of("c1")), NOW, counts, 1);

        RoutingBoard.Explained next = board.whyWaiting(List.of(CallId.of("c3"), CallId.of("c2")), NOW, counts, 1);

        assertThat(next.reasons()).extracting(WaitExplanation::call).containsExactly(CallId.of("c3"), CallId.of("c2"));
        assertThat(next.lookedAt()).isEqualTo(2);
    }

    @Test
    void aPartMustBeAllowedToCountAtLeastOneLane() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING), List.of(), List.of()), NOW);

        assertThatThrownBy(() -> board.whyWaiting(List.of(), NOW, LaneCounts.fresh(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one lane");
    }

    @Test
    void aWithheldAgentGetsNoCallUntilTheirNextSnapshot() {
        RoutingBoard board = router().board(snapshot(List.of(BILLING), List.of(agent("a1").skill("billing", 2).build()),
                List.of()), NOW);
        board.decideDue(NOW);

        board.withhold(AgentId.of("a1"));

        assertThat(board.decideFor(call("c1", "billing", 100, NOW), NOW)).isEmpty();
        assertThat(board.decideFor(agent("a1").skill("billing", 2).build(), NOW))
                .extracting(RoutingDecision::call).containsExactly(CallId.of("c1"));
    }
}

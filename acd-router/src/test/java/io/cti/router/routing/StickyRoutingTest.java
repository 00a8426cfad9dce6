package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.QueueDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cti.router.routing.RoutingFixtures.NOW;
import static io.cti.router.routing.RoutingFixtures.agent;
import static io.cti.router.routing.RoutingFixtures.needs;
import static io.cti.router.routing.RoutingFixtures.queue;
import static io.cti.router.routing.RoutingFixtures.router;
import static io.cti.router.routing.RoutingFixtures.snapshot;
import static io.cti.router.routing.RoutingFixtures.stickyCall;
import static org.assertj.core.api.Assertions.assertThat;

/** Sticky agent: the customer's last agent, if Ready, or waited for during the queue's sticky wait. */
class StickyRoutingTest {

    private static final QueueDefinition STICKY = queue("q", RoutingStrategy.LONGEST_IDLE, Duration.ofSeconds(30),
            List.of(), needs("billing", 1));

    private final Agent longIdle = agent("other").skill("billing", 5).idleFor(Duration.ofHours(3)).build();

    @Test
    void theCustomersLastAgentGetsTheCallWhenReadyEvenIfAnotherIsIdleLonger() {
        Agent last = agent("last").skill("billing", 5).idleFor(Duration.ofSeconds(5)).build();

        RoundResult result = router().route(snapshot(List.of(STICKY), List.of(longIdle, last),
                List.of(stickyCall("c1", "q", NOW.minusSeconds(2), "last"))), NOW);

        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo(AgentId.of("last"));
            assertThat(d.reason().basis()).isEqualTo(RoutingReason.Basis.STICKY_AGENT);
            assertThat(d.text()).contains("last agent last was Ready with the skills");
        });
    }

    @Test
    void theCallIsHeldForTheLastAgentWhileTheStickyWaitLasts() {
        Agent last = agent("last").skill("billing", 5).state(new AgentState.OnCall(CallId.of("x"))).build();

        RoundResult result = router().route(snapshot(List.of(STICKY), List.of(longIdle, last),
                List.of(stickyCall("c1", "q", NOW.minusSeconds(10), "last"))), NOW);

        assertThat(result.decisions()).isEmpty();
        assertThat(result.waiting()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isInstanceOf(WaitReason.HeldForStickyAgent.class);
            assertThat(w.text()).contains("held for last agent last (OnCall(x)) until " + NOW.plusSeconds(20));
        });
    }

    @Test
    void theCallGoesToAnyoneOnceTheStickyWaitIsOver() {
        Agent last = agent("last").skill("billing", 5).state(new AgentState.OnCall(CallId.of("x"))).build();

        RoundResult result = router().route(snapshot(List.of(STICKY), List.of(longIdle, last),
                List.of(stickyCall("c1", "q", NOW.minusSeconds(30), "last"))), NOW);

        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo(AgentId.of("other"));
            assertThat(d.reason().sticky().outcome()).isEqualTo(StickyCheck.Outcome.GAVE_UP);
        });
    }

    @Test
    void aHeldCallIsRoutedByTheBoardWhenItsStickyWaitRunsOut() {
        Agent last = agent("last").skill("billing", 5).state(new AgentState.OnCall(CallId.of("x"))).build();
        RoutingBoard board = router().board(snapshot(List.of(STICKY), List.of(longIdle, last), List.of()), NOW);
        assertThat(board.decideFor(stickyCall("c1", "q", NOW, "last"), NOW)).isEmpty();

        List<RoutingDecision> later = board.round(NOW.plusSeconds(30)).decisions();

        assertThat(later).extracting(RoutingDecision::call).containsExactly(CallId.of("c1"));
    }

    @Test
    void aHeldCallGoesToItsLastAgentTheMomentTheyAreReady() {
        Agent busy = agent("last").skill("billing", 5).state(new AgentState.WrapUp(NOW.plusSeconds(5))).build();
        RoutingBoard board = router().board(snapshot(List.of(STICKY), List.of(busy), List.of(
                stickyCall("c1", "q", NOW, "last"))), NOW);
        board.round(NOW);

        List<RoutingDecision> decisions = board.decideFor(agent("last").skill("billing", 5).build(), NOW.plusSeconds(5));

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.call()).isEqualTo(CallId.of("c1"));
            assertThat(d.reason().basis()).isEqualTo(RoutingReason.Basis.STICKY_AGENT);
        });
    }

    @Test
    void aCallIsNotHeldForALastAgentWhoIsLoggedOut() {
        Agent gone = agent("last").skill("billing", 5).state(AgentState.LOGGED_OUT).build();

        RoundResult result = router().route(snapshot(List.of(STICKY), List.of(longIdle, gone),
                List.of(stickyCall("c1", "q", NOW, "last"))), NOW);

        assertThat(result.decisions()).singleElement().satisfies(d ->
                assertThat(d.reason().sticky().text()).contains("last agent last is logged out"));
    }

    @Test
    void aQueueWithoutStickyWaitIgnoresTheLastAgent() {
        QueueDefinition plain = queue("q", RoutingStrategy.LONGEST_IDLE, needs("billing", 1));
        Agent last = agent("last").skill("billing", 5).idleFor(Duration.ofSeconds(5)).build();

        RoundResult result = router().route(snapshot(List.of(plain), List.of(longIdle, last),
                List.of(stickyCall("c1", "q", NOW, "last"))), NOW);

        assertThat(result.decisions().get(0).agent()).isEqualTo(AgentId.of("other"));
    }
}

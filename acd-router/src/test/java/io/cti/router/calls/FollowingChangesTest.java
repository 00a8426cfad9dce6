package io.cti.router.calls;

import io.cti.core.bus.MessageHandler;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.router.agents.AgentState;
import io.cti.router.board.BoardChange;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link InboundCallFlow#followChanges()} between the ticks, on the real Redis with two routers: what another router
 * did is on this router's board before this router moves the same agent, so the move is not refused as stale and
 * sent again.
 */
class FollowingChangesTest {

    private final FlowDesk desk = new FlowDesk();
    private final MessageHandler handler = desk.flow.busHandler();

    @AfterEach
    void close() {
        FlowDesk.closeAll();
    }

    @Test
    @Timeout(20)
    void aFreeingAfterFollowingTheFeedIsWrittenAtTheFirstAttempt() throws Exception {
        AgentProfile alice = agentOnALunchAnotherRouterStarted();

        desk.flow.followChanges();
        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.settle();

        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::callId).isEqualTo(CallId.of("c1"));
        assertThat(desk.flow.board().staleMoves()).isZero();
    }

    @Test
    @Timeout(20)
    void withoutFollowingTheFeedTheSameFreeingIsRefusedAsStaleOnceAndMadeAgain() throws Exception {
        AgentProfile alice = agentOnALunchAnotherRouterStarted();

        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.settle();

        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::callId).isEqualTo(CallId.of("c1"));
        assertThat(desk.flow.board().staleMoves()).isOne();
    }

    @Test
    @Timeout(20)
    void followingTheFeedPutsAnotherRoutersMoveOnThisRoutersBoard() {
        AgentProfile alice = agentOnALunchAnotherRouterStarted();

        desk.flow.followChanges();

        // What this router's next move of her is decided on first: its board's memory, not a fresh reading.
        List<AgentState> decidedOn = new ArrayList<>();
        desk.flow.board().move(alice.id(), seen -> {
            decidedOn.add(seen.state());
            return BoardChange.none();
        });
        assertThat(decidedOn.get(0)).isEqualTo(new AgentState.NotReady("lunch"));
    }

    @Test
    @Timeout(30)
    void followingTheFeedWaitsForNoScriptAHandlingHasInFlight() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        try (RedisWritesHeld ignored = RedisWritesHeld.forMillis(10_000)) {
            handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

            // Redis holds her script (and would hold the feed's read too): the follow leaves the lock to the
            // handlings instead of waiting 10 s for the answer under it.
            assertTimeoutPreemptively(Duration.ofSeconds(5), desk.flow::followChanges);
        }
        handler.settle();
        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::agentId).isEqualTo(alice.id());
    }

    @Test
    @Timeout(20)
    void aFreedAgentWithNoCallLeavesTheFeedToAFollowerThatJustReadIt() {
        AgentProfile alice = desk.agent("alice");
        InboundCallFlow other = desk.anotherRouter();
        other.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.flow.followChanges();
        // Queued by the other router, which has no agent for it; this router has not read of it.
        other.handle(desk.arrival("c1", "+12025550123", Instant.now()));

        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        assertThat(desk.connects()).isEmpty();

        desk.flow.followChanges();
        assertThat(desk.connects()).singleElement().satisfies(connect -> {
            assertThat(connect.callId()).isEqualTo(CallId.of("c1"));
            assertThat(connect.agentId()).isEqualTo(alice.id());
        });
    }

    @Test
    @Timeout(20)
    void withoutAFollowerAFreedAgentWithNoCallReadsTheFeedAndTakesTheOtherRoutersCall() {
        AgentProfile alice = desk.agent("alice");
        InboundCallFlow other = desk.anotherRouter();
        other.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        other.handle(desk.arrival("c1", "+12025550123", Instant.now()));

        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::callId).isEqualTo(CallId.of("c1"));
    }

    /** Alice on her break on this router's board, then on lunch by another router's move; one call waiting. */
    private AgentProfile agentOnALunchAnotherRouterStarted() {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        desk.anotherRouter().handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "lunch"));
        return alice;
    }
}

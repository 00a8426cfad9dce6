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
 * sent again; and a handling that routes nothing leaves the feed to a follower that just read it. The flow's clock is
 * moved by hand, so "just" is exact.
 */
class FollowingChangesTest {

    private static final Instant T0 = Instant.parse("2026-06-15T09:00:00Z");

    private final HandClock clock = new HandClock(T0);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults(),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));
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
        desk.flow.handle(desk.arrival("c1", "+12025550123", clock.instant()));
        try (RedisWritesHeld ignored = RedisWritesHeld.forMillis(10_000)) {
            handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
            assertThat(desk.connects()).isEmpty();

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
        AgentProfile alice = aCallTheOtherRouterQueuedAfterTheFollowerRead();

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
    void aFollowersReadingOlderThanTheWindowLeavesTheFeedToTheStepAgain() {
        AgentProfile alice = aCallTheOtherRouterQueuedAfterTheFollowerRead();

        clock.advance(Dispatcher.FOLLOWED_RECENTLY.plusMillis(1));
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::callId).isEqualTo(CallId.of("c1"));
    }

    @Test
    @Timeout(30)
    void aFollowerThatGaveWayToScriptsInFlightLeavesTheFeedToTheStepAgain() throws Exception {
        AgentProfile alice = desk.agent("alice");
        AgentProfile bob = desk.agent("bob");
        desk.flow.handle(desk.arrival("c0", "+12025550120", clock.instant()));
        InboundCallFlow other = desk.anotherRouter();
        desk.flow.followChanges();
        other.handle(desk.arrival("c1", "+12025550121", clock.instant()));
        try (RedisWritesHeld ignored = RedisWritesHeld.forMillis(10_000)) {
            // Bob's freeing and reservation of c0 held by Redis: the follow gives its round up.
            handler.handle(ChangeAgentState.now(bob.id(), AgentStatus.READY, ""));
            desk.flow.followChanges();
        }
        handler.settle();

        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).extracting(ConnectToAgent::callId, c -> c.agentId().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallId.of("c0"), "bob"),
                        org.assertj.core.groups.Tuple.tuple(CallId.of("c1"), "alice"));
    }

    @Test
    @Timeout(20)
    void withoutAFollowerAFreedAgentWithNoCallReadsTheFeedAndTakesTheOtherRoutersCall() {
        AgentProfile alice = desk.agent("alice");
        InboundCallFlow other = desk.anotherRouter();
        other.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        other.handle(desk.arrival("c1", "+12025550123", clock.instant()));

        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::callId).isEqualTo(CallId.of("c1"));
    }

    /**
     * Alice on her break on this router's board, which the follower then reads to the feed's end; then call c1 queued
     * by another router, which has no agent for it and of which this router has not read.
     */
    private AgentProfile aCallTheOtherRouterQueuedAfterTheFollowerRead() {
        AgentProfile alice = desk.agent("alice");
        InboundCallFlow other = desk.anotherRouter();
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.flow.followChanges();
        other.handle(desk.arrival("c1", "+12025550123", clock.instant()));
        return alice;
    }

    /** Alice on her break on this router's board, then on lunch by another router's move; one call waiting. */
    private AgentProfile agentOnALunchAnotherRouterStarted() {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.flow.handle(desk.arrival("c1", "+12025550123", clock.instant()));
        desk.anotherRouter().handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "lunch"));
        return alice;
    }
}

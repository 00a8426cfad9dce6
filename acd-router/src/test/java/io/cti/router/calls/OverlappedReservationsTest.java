package io.cti.router.calls;

import io.cti.core.bus.MessageHandler;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.HangupParty;
import io.cti.router.agents.AgentState;
import io.cti.router.reservations.RouterId;
import io.cti.router.reservations.Reservations;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow as the bus's handler sends a freed agent's move and reservation without waiting for Redis's answer and
 * takes the answer in later ({@link ReservationsInFlight}), on the real Redis state: what comes of it is what the
 * flow decided when it waited - granted, refused because another router took the call, or stale because another
 * router moved the agent.
 */
class OverlappedReservationsTest {

    private final FlowDesk desk = new FlowDesk();
    private final MessageHandler handler = desk.flow.busHandler();
    private final Reservations reservations = Reservations.on(desk.redis, desk.keys, RouterId.of("a-reader"));

    @AfterEach
    void close() {
        FlowDesk.closeAll();
    }

    @Test
    @Timeout(20)
    void aFreedAgentsConnectCarriesTheTokenOfTheReservationTakenIn() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));

        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.settle();

        assertThat(desk.connects()).singleElement().satisfies(connect -> {
            assertThat(connect.callId()).isEqualTo(CallId.of("c1"));
            assertThat(connect.agentId()).isEqualTo(alice.id());
            assertThat(connect.fencingToken())
                    .isEqualTo(reservations.currentOf(CallId.of("c1")).orElseThrow().token().value());
        });
        assertThat(desk.published(AgentStateChanged.class)).filteredOn(s -> s.agentId().equals(alice.id()))
                .extracting(AgentStateChanged::status).containsExactly(AgentStatus.READY, AgentStatus.RESERVED);
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
    }

    @Test
    @Timeout(20)
    void agentsFreedBackToBackEachGetACallOfTheirOwn() throws Exception {
        List<AgentProfile> agents = List.of(desk.agent("alice"), desk.agent("bob"), desk.agent("carol"));
        for (int i = 1; i <= 3; i++) {
            desk.flow.handle(desk.arrival("c" + i, "+1202555012" + i, Instant.now()));
        }

        for (AgentProfile agent : agents) {
            handler.handle(ChangeAgentState.now(agent.id(), AgentStatus.READY, ""));
        }
        handler.settle();

        Map<CallId, String> agentByCall = desk.connects().stream()
                .collect(Collectors.toMap(ConnectToAgent::callId, c -> c.agentId().value()));
        assertThat(agentByCall).hasSize(3).containsOnlyKeys(CallId.of("c1"), CallId.of("c2"), CallId.of("c3"));
        assertThat(Set.copyOf(agentByCall.values())).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(desk.waiting.depth(desk.sales).waiting()).isZero();
    }

    @Test
    @Timeout(20)
    void aFreedAgentWhoseCallAnotherRouterTookMeanwhileIsGivenTheNextCall() throws Exception {
        AgentProfile alice = desk.agent("alice");
        AgentProfile bob = desk.agent("bob");
        desk.flow.handle(desk.arrival("c1", "+12025550121", Instant.now()));
        desk.flow.handle(desk.arrival("c2", "+12025550122", Instant.now().plusMillis(5)));
        // The other router takes c1, the longest waiting; this router has not read of it yet.
        desk.anotherRouter().handle(ChangeAgentState.now(bob.id(), AgentStatus.READY, ""));
        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::callId).isEqualTo(CallId.of("c1"));

        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.settle();

        assertThat(desk.connects()).extracting(ConnectToAgent::callId, c -> c.agentId().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallId.of("c1"), "bob"),
                        org.assertj.core.groups.Tuple.tuple(CallId.of("c2"), "alice"));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c2")));
    }

    @Test
    @Timeout(20)
    void aFreeingFoundStaleIsMadeAgainFromTheAgentAsAnotherRouterLeftThem() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        // Moved by another router: this router's board still remembers her on her break.
        desk.anotherRouter().handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "lunch"));

        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.settle();

        assertThat(desk.connects()).singleElement().satisfies(connect -> {
            assertThat(connect.callId()).isEqualTo(CallId.of("c1"));
            assertThat(connect.agentId()).isEqualTo(alice.id());
        });
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
    }

    @Test
    @Timeout(20)
    void anAgentAnotherRouterMovedSinceThisOneReservedThemIsFreedAndRoutedAgain() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::agentId).isEqualTo(alice.id());
        // Her phone never answered, told to another router: she is Not ready and the call is back in line.
        desk.anotherRouter().handle(AgentLegUnanswered.now(CallId.of("c1"), alice.endpoint().toString(),
                "PJSIP/alice-c1", "NOANSWER"));

        // This router still remembers her reserved: Ready asked for then would wait for the call's end.
        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.settle();

        assertThat(desk.connects()).extracting(ConnectToAgent::callId).containsExactly(CallId.of("c1"), CallId.of("c1"));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
        assertThat(desk.flow.board().entry(alice.id()).orElseThrow().notReadyAfterCall()).isNull();
    }

    @Test
    @Timeout(20)
    void readyAskedForDuringAWrapUpAnotherRouterStartedEndsTheWrapUp() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        InboundCallFlow other = desk.anotherRouter();
        String endpoint = alice.endpoint().toString();
        other.handle(AgentLegRinging.now(CallId.of("c1"), endpoint, "PJSIP/alice-c1"));
        other.handle(CallConnected.now(CallId.of("c1"), endpoint, "PJSIP/alice-c1"));
        other.handle(CallEnded.now(CallId.of("c1"), 16, "Normal Clearing", HangupParty.CUSTOMER));
        // Read on the other router's board: this router's must stay a moment behind.
        assertThat(other.board().entry(alice.id()).orElseThrow().state()).isInstanceOf(AgentState.WrapUp.class);

        // This router still remembers her reserved for the call: found wrapping up, her Ready ends the wrap-up.
        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.settle();

        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
    }

    @Test
    @Timeout(20)
    void aLaterRequestOfTheSameAgentIsDecidedOnTheReservationSentBeforeIt() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));

        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        handler.settle();

        // Reserved for the call when she asked for her break: the break comes after the call.
        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::callId).isEqualTo(CallId.of("c1"));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
        assertThat(desk.flow.board().entry(alice.id()).orElseThrow().notReadyAfterCall()).isEqualTo("break");
    }

    @Test
    @Timeout(20)
    void aStaleReadyIsMadeAgainBeforeALaterRequestOfTheSameAgent() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        desk.anotherRouter().handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "lunch"));

        // Her Ready, decided on her break, is stale; her Not ready after it must win, whenever the first is taken in.
        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "meeting"));
        handler.settle();

        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.NotReady("meeting"));
        assertThat(desk.published(AgentStateChanged.class)).filteredOn(s -> s.agentId().equals(alice.id()))
                .last().satisfies(last -> assertThat(last.reasonCode()).isEqualTo("meeting"));
    }

    @Test
    @Timeout(20)
    void theHandlingDoesNotWaitForTheFreedAgentsReservation() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        InboundCallFlow other = desk.anotherRouter();
        // Redis holds every write (a script included) for 10 s: a handling waiting for its script would wait as long.
        try (RedisWritesHeld ignored = RedisWritesHeld.forMillis(10_000)) {
            handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

            assertThat(desk.connects()).isEmpty();
            // Read on another connection: the script has not run yet, the handling is over all the same.
            assertThat(other.board().entry(alice.id()).orElseThrow().state())
                    .isNotInstanceOf(AgentState.Reserved.class);
        }
        handler.settle();
        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::agentId).isEqualTo(alice.id());
    }

    @Test
    @Timeout(20)
    void aReservationScriptTheServerForgotIsRunAgainInFull() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        desk.redis.scriptFlush();

        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        handler.settle();

        assertThat(desk.connects()).singleElement().extracting(ConnectToAgent::agentId).isEqualTo(alice.id());
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
    }
}

package io.cti.router.calls;

import io.cti.core.customers.Interaction;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;
import io.cti.router.agents.AgentState;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.ReasonCode;
import io.cti.router.waiting.QueuedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound call flow handler by handler, on real PostgreSQL and Redis with a recording publisher: arrival,
 * routing and reservation, ringing and the screen-pop, answer, hang-up, wrap-up and history, RONA, abandon,
 * redelivery and the agents' own requests.
 */
class InboundCallFlowTest {

    private static final String KNOWN = "+14155550123";
    private static final String UNKNOWN = "+14155559999";

    private final FlowDesk desk = new FlowDesk();

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void anArrivingCallIsRoutedToTheReadyAgentWithTheQueuesRingTimeout() {
        AgentProfile alice = desk.readyAgent("alice");

        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));

        assertThat(desk.connects()).singleElement().satisfies(connect -> {
            assertThat(connect.agentId()).isEqualTo(alice.id());
            assertThat(connect.extension()).isEqualTo(alice.endpoint().resource());
            assertThat(connect.ringTimeout()).hasSeconds(20);
        });
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
        assertThat(desk.flow.routingOf(CallId.of("c1")).orElseThrow().reason()).contains("agent alice", "sales");
    }

    @Test
    void aRedeliveredArrivalRoutesTheCallOnce() {
        desk.readyAgent("alice");
        desk.readyAgent("bob");
        var arrival = desk.arrival("c1", UNKNOWN, Instant.now());

        desk.flow.handle(arrival);
        desk.flow.handle(arrival);

        assertThat(desk.connects()).hasSize(1);
    }

    @Test
    void theRingingPhoneGetsTheScreenPopWithTheCustomersCard() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", "(415) 555-0123", Instant.now().minusSeconds(3)));

        desk.flow.handle(AgentLegRinging.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1"));

        assertThat(desk.published(ScreenPopReady.class)).singleElement().satisfies(pop -> {
            assertThat(pop.agentId()).isEqualTo(alice.id());
            assertThat(pop.card().id()).isEqualTo(customer);
            assertThat(pop.callerNumber()).isEqualTo(KNOWN);
            assertThat(pop.waited()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(3));
            assertThat(pop.routingReason()).contains("agent alice");
        });
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Ringing(CallId.of("c1")));
    }

    @Test
    void aRingHandledByAnotherRouterPopsTheCardReadThere() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));

        desk.anotherRouter().handle(AgentLegRinging.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1"));

        assertThat(desk.published(ScreenPopReady.class)).singleElement()
                .satisfies(pop -> assertThat(pop.card().id()).isEqualTo(customer));
    }

    @Test
    void anUnknownCallersPopHasNoCard() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));

        desk.flow.handle(AgentLegRinging.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1"));

        assertThat(desk.published(ScreenPopReady.class)).singleElement()
                .satisfies(pop -> assertThat(pop.knownCaller()).isFalse());
    }

    @Test
    void aCallTalkedHungUpAndWrappedUpIsWrittenToTheCustomersHistoryAndTheAgentIsReadyAgain() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        desk.flow.handle(AgentLegRinging.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(CallConnected.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.OnCall(call));

        desk.flow.handle(CallEnded.now(call, 16, "Normal Clearing", HangupParty.CUSTOMER));
        assertThat(desk.stateOf(alice)).isInstanceOf(AgentState.WrapUp.class);
        desk.flow.handle(new CompleteWrapUp(MessageId.random(), Instant.now(), alice.id(), call, "sale",
                "ordered two", null, 0));

        List<Interaction> history = desk.history.lastInteractions(customer, 5);
        assertThat(history).singleElement().satisfies(row -> {
            assertThat(row.agentId()).isEqualTo("alice");
            assertThat(row.callId()).isEqualTo("c1");
            assertThat(row.queue()).isEqualTo("sales");
            assertThat(row.disposition()).isEqualTo("sale");
            assertThat(row.notes()).isEqualTo("ordered two");
            assertThat(row.outcome()).isEqualTo("answered");
        });
        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
        assertThat(desk.flow.board().entry(alice.id()).orElseThrow().agent().callsToday()).isEqualTo(1);
    }

    @Test
    void anAgentCannotChooseRonasSystemReasonForABreak() {
        AgentProfile alice = desk.readyAgent("alice");

        desk.flow.handle(io.cti.core.messages.ChangeAgentState.now(alice.id(),
                io.cti.core.messages.AgentStatus.NOT_READY, ReasonCode.NO_ANSWER));

        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
    }

    @Test
    void ronaPutsTheAgentNotReadyAndTheCallBackAtItsOriginalPlace() {
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        double place = desk.waiting.find(call).orElseThrow().orderKey();
        desk.flow.handle(AgentLegRinging.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));

        desk.flow.handle(AgentLegUnanswered.now(call, alice.endpoint().toString(), "PJSIP/alice-1", "NOANSWER"));

        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.NotReady(ReasonCode.NO_ANSWER));
        List<QueuedCall> heads = desk.waiting.heads(desk.sales, 10);
        assertThat(heads).singleElement().satisfies(waiting -> {
            assertThat(waiting.id()).isEqualTo(call);
            assertThat(waiting.orderKey()).isEqualTo(place);
        });
    }

    @Test
    void afterRonaTheCallGoesToTheNextReadyAgent() {
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        AgentProfile bob = desk.readyAgent("bob");

        desk.flow.handle(AgentLegUnanswered.now(call, alice.endpoint().toString(), "PJSIP/alice-1", "NOANSWER"));

        assertThat(desk.connects()).extracting(ConnectToAgent::agentId).containsExactly(alice.id(), bob.id());
    }

    @Test
    void aCallerHangingUpWhileWaitingIsCountedAsAbandoned() {
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now().minusSeconds(30)));

        desk.flow.handle(CallEnded.now(CallId.of("c1"), 16, "Normal Clearing", HangupParty.CUSTOMER));
        desk.flow.tick();

        assertThat(desk.waiting.find(CallId.of("c1"))).isEmpty();
        assertThat(desk.published(QueueFiguresUpdated.class)).last().satisfies(figures -> {
            assertThat(figures.abandonedToday()).isEqualTo(1);
            assertThat(figures.waiting()).isZero();
        });
    }

    @Test
    void aQueuesFiguresChangedRightAfterTheyWerePublishedGoOutWithTheNextHandlingOnceTheIntervalIsOver() {
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now().minusSeconds(30)));
        // Within the interval of the arrival's figures (unless the machine stalls): held back, not lost.
        desk.flow.handle(CallEnded.now(CallId.of("c1"), 16, "Normal Clearing", HangupParty.CUSTOMER));

        desk.advanceClock(QueueFiguresDesk.MIN_INTERVAL);
        desk.flow.handle(CallEnded.now(CallId.of("c-unknown"), 16, "Normal Clearing", HangupParty.CUSTOMER));

        assertThat(desk.published(QueueFiguresUpdated.class)).last().satisfies(figures -> {
            assertThat(figures.abandonedToday()).isEqualTo(1);
            assertThat(figures.waiting()).isZero();
        });
    }

    @Test
    void aCallerHangingUpWhileTheAgentRingsLeavesTheAgentReady() {
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        desk.flow.handle(AgentLegRinging.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));

        desk.flow.handle(CallEnded.now(call, 16, "Normal Clearing", HangupParty.CUSTOMER));

        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
        assertThat(desk.waiting.find(call)).isEmpty();
    }

    @Test
    void aLongWaitingLowPriorityCallIsServedBeforeANewHigherPriorityOne() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        double customerPoints = FlowSettings.defaults().priority()
                .pointsFor(desk.cards.byId(customer).orElseThrow().figures().grade());
        double unknownPoints = FlowSettings.defaults().priority().unknownCallerPoints();
        long headStart = (long) Math.max(0, unknownPoints - customerPoints) + 60;
        AgentProfile alice = desk.agent("alice");
        Instant now = Instant.now();
        desk.flow.handle(desk.arrival("old", customerPoints < unknownPoints ? KNOWN : UNKNOWN, now.minusSeconds(headStart)));
        desk.flow.handle(desk.arrival("new", customerPoints < unknownPoints ? UNKNOWN : KNOWN, now));

        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).singleElement().satisfies(c -> assertThat(c.callId()).isEqualTo(CallId.of("old")));
    }

    @Test
    void anAgentAskingToLogOutDuringACallIsRefusedAndToldTheUnchangedState() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        desk.published.clear();

        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.LOGGED_OUT, ""));

        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
        assertThat(desk.published(AgentStateChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.status()).isEqualTo(AgentStatus.RESERVED));
    }

    @Test
    void notReadyAskedForDuringACallAppliesAfterTheWrapUp() {
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        desk.flow.handle(AgentLegRinging.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(CallConnected.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "lunch"));
        desk.flow.handle(CallEnded.now(call, 16, "Normal Clearing", HangupParty.AGENT));

        desk.flow.handle(new CompleteWrapUp(MessageId.random(), Instant.now(), alice.id(), call, "info", "", null, 0));

        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.NotReady("lunch"));
    }

    @Test
    void theEventsOfOneCallMayBeHandledByDifferentRouters() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        InboundCallFlow other = desk.anotherRouter();
        CallId call = CallId.of("c1");

        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        other.handle(AgentLegRinging.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(CallConnected.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));
        other.handle(CallEnded.now(call, 16, "Normal Clearing", HangupParty.CUSTOMER));
        desk.flow.handle(new CompleteWrapUp(MessageId.random(), Instant.now(), alice.id(), call, "sale", "", null, 0));

        assertThat(desk.published(ScreenPopReady.class)).hasSize(1);
        assertThat(desk.history.lastInteractions(customer, 5)).hasSize(1);
        assertThat(other.board().entry(alice.id()).orElseThrow().state()).isEqualTo(AgentState.READY);
    }
}

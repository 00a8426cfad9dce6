package io.cti.router.calls;

import io.cti.core.customers.Direction;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.ScreenPopReady;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.agents.AgentState;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Click-to-dial once its checks pass: placed as a callback is (CallBackCustomer, the agent's phone first), followed
 * through the agent's and the customer's answers, written to the customer's history as outbound. An agent on a
 * break who dials is reserved for that call in one step, never passing through a Ready another router could route to.
 */
class ClickToDialCallsTest {

    /** 04:00 UTC: noon in Shanghai, inside the callee's calling window. */
    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-06-15T04:00:00Z");
    private static final String NUMBER = "+8613800138000";

    private final HandClock clock = new HandClock(NOON_IN_SHANGHAI);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults(),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));

    @Test
    void anAgentOnABreakDialingACustomerIsNeverRoutableToTheCallerWaitingAtAnotherRouter() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "outbound"));
        InboundCallFlow other = desk.anotherRouter();
        other.handle(desk.arrival("c1", "+14155559999", NOON_IN_SHANGHAI));
        int before = desk.published.size();

        desk.flow.handle(DialCustomer.now(alice.id(), new PhoneNumber(NUMBER), null));
        other.tick();

        CallId dial = desk.published(CallBackCustomer.class).get(0).callId();
        assertThat(desk.published.subList(before, desk.published.size())).filteredOn(AgentStateChanged.class::isInstance)
                .map(AgentStateChanged.class::cast).filteredOn(changed -> changed.agentId().equals(alice.id()))
                .extracting(AgentStateChanged::status).as("never Ready on the way").containsExactly(AgentStatus.RESERVED);
        assertThat(ReadyAgents.on(desk.redis, desk.keys).isReady(alice.id())).isFalse();
        assertThat(other.board().entry(alice.id()).orElseThrow().state()).isEqualTo(new AgentState.Reserved(dial));
        assertThat(desk.connects()).isEmpty();
        assertThat(desk.waiting.find(CallId.of("c1"))).isPresent();
        assertThat(desk.flow.board().entry(alice.id()).orElseThrow().notReadyAfterCall()).isEqualTo("outbound");
    }

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aPassingRequestRingsTheAgentsPhoneFirstThroughTheCallbacksCommand() {
        AgentProfile alice = desk.readyAgent("alice");

        desk.flow.handle(DialCustomer.now(alice.id(), new PhoneNumber(NUMBER), null));

        assertThat(desk.published(CallControlRefused.class)).isEmpty();
        CallBackCustomer dial = onlyDial();
        assertThat(dial.agentId()).isEqualTo(alice.id());
        assertThat("PJSIP/" + dial.extension()).isEqualTo(alice.endpoint().toString());
        assertThat(dial.number()).isEqualTo(NUMBER);
        assertThat(dial.callId().value()).startsWith("c2d-");
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(dial.callId()));
    }

    @Test
    void aReachedCustomerIsWrittenToTheirHistoryAsOutboundWithTalkTimeFromTheirAnswer() {
        CustomerId customer = desk.customer("Lin Wei", NUMBER);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(DialCustomer.now(alice.id(), new PhoneNumber(NUMBER), customer));
        CallId call = onlyDial().callId();

        at(2, t -> new AgentLegRinging(MessageId.random(), t, call, alice.endpoint().toString(), alice.endpoint() + "-1"));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Ringing(call));
        assertThat(desk.published(ScreenPopReady.class)).singleElement()
                .satisfies(pop -> assertThat(pop.card().id()).isEqualTo(customer));
        at(5, t -> new CallConnected(MessageId.random(), t, call, alice.endpoint().toString(),
                alice.endpoint() + "-1"));
        at(15, t -> new CallbackDialed(MessageId.random(), t, call, "PJSIP/trunk-1",
                OriginateOutcome.ANSWERED, "ANSWER"));
        at(75, t -> new CallEnded(MessageId.random(), t, call, 16, "Normal Clearing", HangupParty.CUSTOMER));
        at(80, t -> new CompleteWrapUp(MessageId.random(), t, alice.id(), call, "sale", "called from the card",
                null, 0));

        assertThat(desk.history.lastInteractions(customer, 5)).singleElement().satisfies(row -> {
            assertThat(row.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(row.callId()).isEqualTo(call.value());
            assertThat(row.agentId()).isEqualTo("alice");
            assertThat(row.outcome()).isEqualTo(HistoryWriter.ANSWERED);
            assertThat(row.ringSeconds()).isEqualTo(13);
            assertThat(row.talkSeconds()).isEqualTo(60);
        });
        assertThat(desk.published(InteractionRecorded.class)).singleElement()
                .satisfies(recorded -> assertThat(recorded.direction()).isEqualTo("OUTBOUND"));
        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
    }

    @Test
    void aNotReadyAgentDialsAndIsNotReadyAgainWhenTheCustomerIsNotReached() {
        CustomerId customer = desk.customer("Lin Wei", NUMBER);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "outbound"));
        desk.flow.handle(DialCustomer.now(alice.id(), new PhoneNumber(NUMBER), null));
        CallId call = onlyDial().callId();

        at(2, t -> new AgentLegRinging(MessageId.random(), t, call, alice.endpoint().toString(), alice.endpoint() + "-1"));
        at(4, t -> new CallConnected(MessageId.random(), t, call, alice.endpoint().toString(),
                alice.endpoint() + "-1"));
        at(34, t -> new CallbackDialed(MessageId.random(), t, call, "PJSIP/trunk-1",
                OriginateOutcome.NO_ANSWER, "NOANSWER"));
        at(37, t -> new CallEnded(MessageId.random(), t, call, 16, "Normal Clearing", HangupParty.AGENT));
        desk.flow.tick();

        List<Interaction> rows = desk.history.lastInteractions(customer, 5);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(row.outcome()).isEqualTo("not-reached");
            assertThat(row.notes()).contains("NOANSWER");
        });
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.NotReady("outbound"));
    }

    @Test
    void anAgentWhoDoesNotAnswerTheirOwnPhoneIsFreeAgainWithoutRona() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(DialCustomer.now(alice.id(), new PhoneNumber(NUMBER), null));
        CallId call = onlyDial().callId();

        at(2, t -> new AgentLegRinging(MessageId.random(), t, call, alice.endpoint().toString(), alice.endpoint() + "-1"));
        at(22, t -> new AgentLegUnanswered(MessageId.random(), t, call, alice.endpoint().toString(),
                alice.endpoint() + "-1", "NOANSWER"));

        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
    }

    @Test
    void theTickLeavesAnAgentWhoseOwnCallRingsOnItUntilItsRingTimeIsOver() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(DialCustomer.now(alice.id(), new PhoneNumber(NUMBER), null));
        CallId call = onlyDial().callId();
        at(2, t -> new AgentLegRinging(MessageId.random(), t, call, alice.endpoint().toString(), alice.endpoint() + "-1"));

        clock.advance(Duration.ofSeconds(10));
        desk.flow.tick();
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Ringing(call));

        clock.advance(ClickToDialDesk.AGENT_RING.plus(FlowSettings.defaults().ringMargin()));
        desk.flow.tick();
        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
    }

    /** Handles the message made at {@code second} after noon, the clock set there first. */
    private void at(int second, Function<Instant, DomainMessage> message) {
        clock.set(NOON_IN_SHANGHAI.plusSeconds(second));
        desk.flow.handle(message.apply(clock.instant()));
    }

    private CallBackCustomer onlyDial() {
        List<CallBackCustomer> dials = desk.published(CallBackCustomer.class);
        assertThat(dials).hasSize(1);
        return dials.get(0);
    }
}

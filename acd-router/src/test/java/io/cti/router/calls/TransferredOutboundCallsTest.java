package io.cti.router.calls;

import io.cti.core.customers.Direction;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.ScreenPopReady;
import io.cti.core.messages.TransferCall;
import io.cti.core.messages.TransferTarget;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.agents.AgentState;
import io.cti.router.callbacks.Callback;
import io.cti.router.callbacks.CallbackStatus;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.PhoneEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A callback's or a click-to-dial's call, once its customer is on the line, is a live call like any other: its agent
 * may transfer it, and the stretch after the transfer is routed, rung, popped, answered and written to history as a
 * plain call (the customer is not dialed again, the new agent's ring is confirmed and popped), while the stretch
 * before it stays the outbound contact it was.
 */
class TransferredOutboundCallsTest {

    /** 04:00 UTC: noon in Shanghai, inside the callee's calling window. */
    private static final Instant T = Instant.parse("2026-06-15T04:00:00Z");
    private static final String NUMBER = "+8613800138000";

    private final HandClock clock = new HandClock(T);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults(),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(60), List.of()),
            FlowDesk.queue("support", "support", Duration.ZERO, Duration.ofSeconds(60), List.of()));
    private final CustomerId customer = desk.customer("Lin Wei", NUMBER);

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aCallbackTransferredToAQueueOnceItsCustomerAnsweredGoesToTheNextAgentWithoutDialingTheCustomerAgain() {
        AgentProfile alice = desk.readyAgent("alice");
        at(0, new CallbackRequested(MessageId.random(), t(0), CallId.of("c9"), desk.sales, NUMBER, "5550000",
                List.of("9 callback"), t(-30)));
        CallBackCustomer dial = single(desk.published(CallBackCustomer.class));
        CallId call = dial.callId();
        assertThat(dial.fencingToken()).as("the callback's dial carries its reservation's token").isNotNull();
        answered(alice, call, 2, 4);
        at(10, CallbackDialed.now(call, "PJSIP/trunk-1", OriginateOutcome.ANSWERED, "ANSWER"));
        AgentProfile bob = lateReady(supportAgent("bob"));

        at(60, TransferCall.now(call, alice.id(), TransferTarget.queue(QueueName.of("support"))));

        assertThat(desk.published(CallControlRefused.class)).isEmpty();
        assertThat(desk.published(CallBackCustomer.class)).as("the customer, on the line, is not dialed again")
                .hasSize(1);
        assertThat(desk.connects()).extracting(ConnectToAgent::agentId).containsExactly(bob.id());
        assertThat(desk.stateOf(bob)).isEqualTo(new AgentState.Reserved(call));
        answered(bob, call, 63, 65);
        assertThat(desk.published(ScreenPopReady.class)).extracting(ScreenPopReady::agentId)
                .containsExactly(alice.id(), bob.id());
        assertThat(desk.stateOf(bob)).isEqualTo(new AgentState.OnCall(call));
        at(120, new CallEnded(MessageId.random(), t(120), call, 16, "Normal Clearing", HangupParty.CUSTOMER));
        assertThat(desk.stateOf(bob)).isInstanceOf(AgentState.WrapUp.class);
        wrapUps(alice, bob, call);

        List<Interaction> rows = rows();
        assertThat(rows).extracting(Interaction::agentId, Interaction::direction, Interaction::queue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", Direction.OUTBOUND, "sales"),
                        org.assertj.core.groups.Tuple.tuple("bob", Direction.INBOUND, "support"));
        assertThat(rows.get(1).talkSeconds()).isEqualTo(120 - 65);
        Callback callback = desk.callbacks.list(false, 10).get(0);
        assertThat(callback.status()).isEqualTo(CallbackStatus.DONE);
        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
        assertThat(desk.stateOf(bob)).isEqualTo(AgentState.READY);
    }

    @Test
    void aClickToDialTransferredToAQueueRingsItsNextAgentWithAPopAndIsNotTakenBackWhileTheirPhoneRings() {
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = clickToDialTalking(alice);
        AgentProfile bob = lateReady(supportAgent("bob"));

        at(60, TransferCall.now(call, alice.id(), TransferTarget.queue(QueueName.of("support"))));

        assertThat(desk.published(CallControlRefused.class)).isEmpty();
        assertThat(desk.published(CallBackCustomer.class)).hasSize(1);
        assertThat(desk.connects()).extracting(ConnectToAgent::agentId).containsExactly(bob.id());
        assertThat(desk.stateOf(bob)).isEqualTo(new AgentState.Reserved(call));
        at(62, new AgentLegRinging(MessageId.random(), t(62), call, bob.endpoint().toString(), "PJSIP/bob-1"));
        assertThat(desk.published(ScreenPopReady.class)).extracting(ScreenPopReady::agentId)
                .containsExactly(alice.id(), bob.id());
        assertThat(desk.stateOf(bob)).isEqualTo(new AgentState.Ringing(call));
        // Past the reservation's timeout, inside the ring time: the ring confirmed the reservation.
        clock.set(t(75));
        desk.flow.tick();
        assertThat(desk.stateOf(bob)).isEqualTo(new AgentState.Ringing(call));
        assertThat(desk.flow.routingOf(call).orElseThrow().agent()).as("still bob's call while his phone rings")
                .isEqualTo(bob.id());
        at(78, new CallConnected(MessageId.random(), t(78), call, bob.endpoint().toString(), "PJSIP/bob-1"));
        assertThat(desk.stateOf(bob)).isEqualTo(new AgentState.OnCall(call));
        at(120, new CallEnded(MessageId.random(), t(120), call, 16, "Normal Clearing", HangupParty.CUSTOMER));
        wrapUps(alice, bob, call);

        assertThat(rows()).extracting(Interaction::agentId, Interaction::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", Direction.OUTBOUND),
                        org.assertj.core.groups.Tuple.tuple("bob", Direction.INBOUND));
        assertThat(desk.stateOf(bob)).isEqualTo(AgentState.READY);
    }

    @Test
    void aClickToDialIsNotTransferredToANamedAgentForItBelongsToNoQueueToWaitInShouldTheyNotAnswer() {
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = clickToDialTalking(alice);
        AgentProfile carol = lateReady(desk.agent("carol"));

        at(60, TransferCall.now(call, alice.id(), TransferTarget.agent(carol.id())));

        assertThat(desk.published(CallControlRefused.class)).singleElement().satisfies(refused -> {
            assertThat(refused.reasonId()).isEqualTo("not-transferable");
            assertThat(refused.reason()).contains("queue");
        });
        assertThat(desk.published(io.cti.core.messages.BlindTransfer.class)).isEmpty();
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.OnCall(call));
        assertThat(desk.stateOf(carol)).isEqualTo(AgentState.READY);
    }

    private CallId clickToDialTalking(AgentProfile agent) {
        at(0, DialCustomer.now(agent.id(), new PhoneNumber(NUMBER), customer));
        CallBackCustomer placed = single(desk.published(CallBackCustomer.class));
        assertThat(placed.fencingToken()).as("a click-to-dial holds no reservation").isNull();
        CallId call = placed.callId();
        answered(agent, call, 2, 4);
        at(10, CallbackDialed.now(call, "PJSIP/trunk-1", OriginateOutcome.ANSWERED, "ANSWER"));
        return call;
    }

    private void answered(AgentProfile agent, CallId call, int ringAt, int answerAt) {
        at(ringAt, new AgentLegRinging(MessageId.random(), t(ringAt), call, agent.endpoint().toString(),
                agent.endpoint() + "-1"));
        at(answerAt, new CallConnected(MessageId.random(), t(answerAt), call, agent.endpoint().toString(),
                agent.endpoint() + "-1"));
    }

    private void wrapUps(AgentProfile first, AgentProfile second, CallId call) {
        CallId firstStretch = desk.flow.board().entry(first.id()).orElseThrow().wrapUpCall();
        assertThat(firstStretch).isEqualTo(CallId.of(call.value() + "~1"));
        at(125, new CompleteWrapUp(MessageId.random(), t(125), first.id(), firstStretch, "moved", "", null, 0));
        at(130, new CompleteWrapUp(MessageId.random(), t(130), second.id(), call, "solved", "", null, 0));
    }

    private AgentProfile supportAgent(String id) {
        AgentProfile profile = new AgentProfile(AgentId.of(id), id, Map.of(Skill.of("support"), Proficiency.of(7)),
                List.of("team-b"), PhoneEndpoint.parse("PJSIP/6" + id.length() + "02"));
        desk.agents.create(profile);
        return profile;
    }

    /** An agent added during the test goes Ready (the definitions read again: the hand clock stands still). */
    private AgentProfile lateReady(AgentProfile agent) {
        desk.flow.forgetDefinitions();
        desk.flow.handle(ChangeAgentState.now(agent.id(), AgentStatus.READY, ""));
        return agent;
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private void at(int second, DomainMessage message) {
        clock.set(t(second));
        desk.flow.handle(message);
    }

    private List<Interaction> rows() {
        return desk.history.lastInteractions(customer, 10).stream()
                .sorted(Comparator.comparing(Interaction::startedAt)).toList();
    }

    private static Instant t(int second) {
        return T.plusSeconds(second);
    }
}

package io.cti.router.calls;

import io.cti.core.customers.Interaction;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.HoldCall;
import io.cti.core.messages.HoldCaller;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.ResumeCall;
import io.cti.core.messages.ResumeCaller;
import io.cti.core.messages.TransferCall;
import io.cti.core.messages.TransferTarget;
import io.cti.router.agents.AgentState;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent desktop's call controls through the flow on real PostgreSQL and Redis: hold and resume of one's own call
 * (and the hold time they make), transfer to a queue (re-routed to another agent, two history rows) and to a named
 * agent (reserved and rung; RONA back to the queue), and the refusals told to the console.
 */
class CallControlFlowTest {

    private static final String KNOWN = "+14155550123";
    private static final Instant T = Instant.parse("2026-06-15T02:00:00Z");

    private final HandClock clock = new HandClock(T);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults(),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(60), List.of()),
            FlowDesk.queue("support", "support", Duration.ZERO, Duration.ofSeconds(60), List.of()));
    private final CustomerId customer = desk.customer("Lin Wei", KNOWN);
    private final AgentProfile alice = desk.readyAgent("alice");
    private final CallId call = CallId.of("c1");

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void holdAndResumeOfOnesOwnCallAskTheBridgeAndTheHoldTimeReachesTheHistoryRow() {
        answeredByAlice();

        at(40, HoldCall.now(call, alice.id()));
        at(41, new CallHeld(MessageId.random(), t(41), call, "PJSIP/trunk-c1"));
        at(70, ResumeCall.now(call, alice.id()));
        at(71, new CallResumed(MessageId.random(), t(71), call, "PJSIP/trunk-c1"));
        ended(100, call);
        at(110, new CompleteWrapUp(MessageId.random(), t(110), alice.id(), call, "sale", "", null, 0));

        assertThat(desk.published(HoldCaller.class)).singleElement()
                .satisfies(hold -> assertThat(hold.callId()).isEqualTo(call));
        assertThat(desk.published(ResumeCaller.class)).singleElement()
                .satisfies(resume -> assertThat(resume.callId()).isEqualTo(call));
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.holdSeconds()).isEqualTo(30);
            assertThat(row.talkSeconds()).isEqualTo(100 - 15 - 30);
        });
        assertThat(desk.published(CallControlRefused.class)).isEmpty();
    }

    @Test
    void anAgentCannotHoldACallTheyAreNotTalkingOn() {
        answeredByAlice();
        AgentProfile bob = lateReady(desk.agent("bob"));

        at(40, HoldCall.now(call, bob.id()));

        assertThat(desk.published(HoldCaller.class)).isEmpty();
        assertThat(desk.published(CallControlRefused.class)).singleElement().satisfies(refused -> {
            assertThat(refused.agentId()).isEqualTo(bob.id());
            assertThat(refused.callId()).isEqualTo(call);
            assertThat(refused.requestType()).isEqualTo("HoldCall");
            assertThat(refused.reasonId()).isEqualTo("not-your-call");
        });
    }

    @Test
    void aCallNotOnHoldCannotBeResumedNorAHeldOneHeldAgain() {
        answeredByAlice();

        at(30, ResumeCall.now(call, alice.id()));
        at(40, HoldCall.now(call, alice.id()));
        at(41, new CallHeld(MessageId.random(), t(41), call, "PJSIP/trunk-c1"));
        at(50, HoldCall.now(call, alice.id()));

        assertThat(desk.published(HoldCaller.class)).hasSize(1);
        assertThat(desk.published(ResumeCaller.class)).isEmpty();
        assertThat(desk.published(CallControlRefused.class)).extracting(CallControlRefused::reasonId)
                .containsExactly("not-on-hold", "already-on-hold");
    }

    @Test
    void aCallTransferredToAQueueIsRoutedToAnotherAgentAndEachStretchIsItsOwnHistoryRow() {
        answeredByAlice();
        AgentProfile bob = lateReady(supportAgent("bob"));

        at(60, TransferCall.now(call, alice.id(), TransferTarget.queue(QueueName.of("support"))));

        assertThat(desk.published(BlindTransfer.class)).singleElement().satisfies(transfer -> {
            assertThat(transfer.callId()).isEqualTo(call);
            assertThat(transfer.context()).isEqualTo("cti-hold");
            assertThat(transfer.extension()).isEqualTo("wait");
        });
        assertThat(desk.stateOf(alice)).isInstanceOf(AgentState.WrapUp.class);
        assertThat(desk.connects()).extracting(ConnectToAgent::agentId).containsExactly(alice.id(), bob.id());
        assertThat(desk.stateOf(bob)).isEqualTo(new AgentState.Reserved(call));

        at(64, new AgentLegRinging(MessageId.random(), t(64), call, bob.endpoint().toString(), "PJSIP/bob-1"));
        at(66, new CallConnected(MessageId.random(), t(66), call, bob.endpoint().toString(), "PJSIP/bob-1"));
        assertThat(desk.stateOf(bob)).isEqualTo(new AgentState.OnCall(call));
        ended(120, call);
        CallId alicesStretch = desk.flow.board().entry(alice.id()).orElseThrow().wrapUpCall();
        assertThat(alicesStretch).isEqualTo(CallId.of("c1~1"));
        at(125, new CompleteWrapUp(MessageId.random(), t(125), alice.id(), alicesStretch, "moved", "", null, 0));
        at(130, new CompleteWrapUp(MessageId.random(), t(130), bob.id(), call, "solved", "", null, 0));

        List<Interaction> rows = rows();
        assertThat(rows).hasSize(2);
        Interaction first = rows.get(0);
        Interaction second = rows.get(1);
        assertThat(first).extracting(Interaction::agentId, Interaction::queue, Interaction::callId)
                .containsExactly("alice", "sales", "c1");
        assertThat(first.notes()).contains("transferred to queue support");
        assertThat(first.talkSeconds()).isEqualTo(60 - 15);
        assertThat(second).extracting(Interaction::agentId, Interaction::queue, Interaction::callId)
                .containsExactly("bob", "support", "c1~t1");
        assertThat(second.notes()).contains("transferred by alice from sales");
        assertThat(second.startedAt()).isEqualTo(t(60));
        assertThat(second.waitSeconds()).isEqualTo(4);
        assertThat(second.talkSeconds()).isEqualTo(120 - 66);
        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
        assertThat(desk.stateOf(bob)).isEqualTo(AgentState.READY);
    }

    @Test
    void aCallTransferredToAReadyAgentReservesAndRingsThemAndOnNoAnswerWaitsInItsQueue() {
        answeredByAlice();
        AgentProfile carol = lateReady(desk.agent("carol"));

        at(60, TransferCall.now(call, alice.id(), TransferTarget.agent(carol.id())));

        assertThat(desk.stateOf(carol)).isEqualTo(new AgentState.Reserved(call));
        assertThat(desk.connects().get(desk.connects().size() - 1).agentId()).isEqualTo(carol.id());
        assertThat(desk.flow.routingOf(call).orElseThrow().reason()).contains("transferred to carol by alice");

        at(64, new AgentLegRinging(MessageId.random(), t(64), call, carol.endpoint().toString(), "PJSIP/carol-1"));
        at(84, new AgentLegUnanswered(MessageId.random(), t(84), call, carol.endpoint().toString(), "PJSIP/carol-1",
                "NOANSWER"));

        assertThat(desk.stateOf(carol)).isEqualTo(new AgentState.NotReady(AgentState.NotReady.NO_ANSWER));
        assertThat(desk.waiting.find(call)).get().satisfies(waiting -> {
            assertThat(waiting.queue()).isEqualTo(desk.sales);
            assertThat(waiting.enqueuedAt()).isEqualTo(t(60));
        });
    }

    @Test
    void aTransferToAnAgentWhoIsNotReadyIsRefusedAndTheCallStaysWithItsAgent() {
        answeredByAlice();
        AgentProfile dave = desk.agent("dave");

        at(60, TransferCall.now(call, alice.id(), TransferTarget.agent(dave.id())));

        assertThat(desk.published(CallControlRefused.class)).singleElement().satisfies(refused -> {
            assertThat(refused.reasonId()).isEqualTo("agent-not-ready");
            assertThat(refused.reason()).contains("dave");
        });
        assertThat(desk.published(BlindTransfer.class)).isEmpty();
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.OnCall(call));
    }

    @Test
    void aHeldCallOrAnUnknownQueueIsNotTransferred() {
        answeredByAlice();
        at(40, new CallHeld(MessageId.random(), t(40), call, "PJSIP/trunk-c1"));
        at(41, TransferCall.now(call, alice.id(), TransferTarget.queue(QueueName.of("support"))));
        at(42, new CallResumed(MessageId.random(), t(42), call, "PJSIP/trunk-c1"));
        at(43, TransferCall.now(call, alice.id(), TransferTarget.queue(QueueName.of("billing"))));

        assertThat(desk.published(CallControlRefused.class)).extracting(CallControlRefused::reasonId)
                .containsExactly("on-hold", "unknown-queue");
        assertThat(desk.published(BlindTransfer.class)).isEmpty();
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.OnCall(call));
    }

    private void answeredByAlice() {
        at(0, desk.arrival("c1", KNOWN, T));
        at(12, new AgentLegRinging(MessageId.random(), t(12), call, alice.endpoint().toString(), "PJSIP/alice-1"));
        at(15, new CallConnected(MessageId.random(), t(15), call, alice.endpoint().toString(), "PJSIP/alice-1"));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.OnCall(call));
    }

    private AgentProfile supportAgent(String id) {
        AgentProfile profile = new AgentProfile(io.cti.core.ids.AgentId.of(id), id,
                java.util.Map.of(io.cti.router.skills.Skill.of("support"), io.cti.router.skills.Proficiency.of(7)),
                List.of("team-b"), io.cti.router.staff.PhoneEndpoint.parse("PJSIP/6" + id.length() + "01"));
        desk.agents.create(profile);
        return profile;
    }

    /** An agent added during the test goes Ready (the definitions read again: the hand clock stands still). */
    private AgentProfile lateReady(AgentProfile agent) {
        desk.flow.forgetDefinitions();
        desk.flow.handle(io.cti.core.messages.ChangeAgentState.now(agent.id(),
                io.cti.core.messages.AgentStatus.READY, ""));
        return agent;
    }

    private void ended(int second, CallId id) {
        at(second, new CallEnded(MessageId.random(), t(second), id, 16, "Normal Clearing", HangupParty.CUSTOMER));
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

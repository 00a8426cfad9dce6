package io.cti.router.calls;

import io.cti.core.customers.Direction;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.AgentState;
import io.cti.router.callbacks.Callback;
import io.cti.router.callbacks.CallbackAttempt;
import io.cti.router.callbacks.CallbackKind;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.callbacks.CallbackStatus;
import io.cti.router.staff.AgentProfile;
import io.cti.router.waiting.QueuedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Virtual hold and scheduled callbacks through the call flow, on real PostgreSQL and Redis with a recording
 * publisher: filed once, queued at the caller's place, the agent rung first with the pop, RONA, a customer not
 * reached tried again and given up, a customer reached wrapped up and written to history as outbound.
 */
class CallbackFlowTest {

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    private static final String KNOWN = "+14155550123";
    private static final String UNKNOWN = "+14155559999";
    private static final String IVR = "5550000";

    private final FlowDesk desk = new FlowDesk(FlowSettings.defaults(), CallbackSettings.defaults().withMaxAttempts(2),
            FlowDesk.queue("sales", "sales", Duration.ofSeconds(60), Duration.ofSeconds(30), List.of()));

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void aCallerWhoAskedToBeCalledBackIsCalledBackWhenAnAgentBecomesFreeRingingTheAgentFirst() {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(request("c9", KNOWN, Instant.now().minusSeconds(20)));
        assertThat(desk.published(CallBackCustomer.class)).isEmpty();

        desk.flow.handle(io.cti.core.messages.ChangeAgentState.now(alice.id(),
                io.cti.core.messages.AgentStatus.READY, ""));

        assertThat(desk.published(CallBackCustomer.class)).singleElement().satisfies(callBack -> {
            assertThat(callBack.callId().value()).matches("cb-\\d+-1");
            assertThat(callBack.agentId()).isEqualTo(alice.id());
            assertThat(callBack.extension()).isEqualTo(alice.endpoint().resource());
            assertThat(callBack.number()).isEqualTo(KNOWN);
            assertThat(callBack.callerId()).isEqualTo(IVR);
            assertThat(callBack.queue()).isEqualTo(desk.sales);
            assertThat(callBack.ringTimeout()).hasSeconds(20);
            assertThat(callBack.dialTimeout()).isEqualTo(CallbackSettings.defaults().dialTimeout());
        });
        assertThat(desk.published(ConnectToAgent.class)).isEmpty();
        assertThat(desk.stateOf(alice)).isInstanceOf(AgentState.Reserved.class);
    }

    @Test
    void aCallbackKeepsThePlaceItsCallerEnteredAtAheadOfLaterCallers() {
        Instant entered = Instant.now().minusSeconds(120);
        desk.flow.handle(request("c9", UNKNOWN, entered));
        desk.flow.handle(desk.arrival("c2", "+14155550188", Instant.now().minusSeconds(60)));
        Callback callback = onlyCallback();

        QueuedCall waiting = desk.waiting.find(callback.currentCall().orElseThrow()).orElseThrow();
        assertThat(waiting.enqueuedAt()).isEqualTo(Instant.ofEpochMilli(entered.toEpochMilli()));
        assertThat(desk.waiting.heads(desk.sales, 10)).extracting(QueuedCall::id)
                .containsExactly(callback.currentCall().orElseThrow(), CallId.of("c2"));
        desk.readyAgent("alice");
        assertThat(desk.published(CallBackCustomer.class)).hasSize(1);
        assertThat(desk.published(ConnectToAgent.class)).isEmpty();
    }

    @Test
    void aFiledCallbackLetsTheCallerHangUp() {
        desk.flow.handle(request("c9", KNOWN, Instant.now()));

        assertThat(desk.callbacks.list(false, 10)).hasSize(1);
        assertThat(desk.published(BlindTransfer.class)).singleElement().satisfies(verdict -> {
            assertThat(verdict.callId()).isEqualTo(CallId.of("c9"));
            assertThat(verdict.context()).isEqualTo("cti-callback-confirmed");
        });
    }

    @Test
    void aCallerInAQueueThatOffersNoCallbacksGetsNoneAndWaitsInTheQueueLikeAnyCaller() {
        FlowDesk plain = new FlowDesk(FlowSettings.defaults(), FlowDesk.withoutCallbacks(
                FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of())));
        plain.flow.handle(request("c9", KNOWN, Instant.now().minusSeconds(5)));

        assertThat(plain.callbacks.list(false, 10)).isEmpty();
        assertThat(plain.waiting.heads(plain.sales, 10)).isEmpty();
        assertThat(plain.published(BlindTransfer.class)).singleElement().satisfies(verdict -> {
            assertThat(verdict.callId()).isEqualTo(CallId.of("c9"));
            assertThat(verdict.context()).as("the dialplan's queue for a refused callback")
                    .isEqualTo("cti-callback-refused");
        });

        // The dialplan puts the caller in the queue: an ordinary call, answered by an agent, never called back.
        plain.flow.handle(plain.arrival("c9", KNOWN, Instant.now()));
        AgentProfile alice = plain.readyAgent("alice");
        assertThat(plain.connects()).singleElement().satisfies(c -> {
            assertThat(c.callId()).isEqualTo(CallId.of("c9"));
            assertThat(c.agentId()).isEqualTo(alice.id());
        });
        assertThat(plain.published(CallBackCustomer.class)).isEmpty();
    }

    @Test
    void aCallerTheDialplanAlreadyQueuedKeepsTheirPlaceAndGetsNoCallbackBesides() {
        desk.flow.handle(desk.arrival("c9", KNOWN, Instant.now().minusSeconds(20)));

        desk.flow.handle(request("c9", KNOWN, Instant.now().minusSeconds(30)));

        assertThat(desk.callbacks.list(false, 10)).isEmpty();
        assertThat(desk.waiting.heads(desk.sales, 10)).extracting(QueuedCall::id).containsExactly(CallId.of("c9"));
        assertThat(desk.published(BlindTransfer.class)).singleElement()
                .satisfies(verdict -> assertThat(verdict.context()).isEqualTo("cti-callback-refused"));
    }

    @Test
    void aRedeliveredRequestFilesOneCallback() {
        CallbackRequested request = request("c9", UNKNOWN, Instant.now());

        desk.flow.handle(request);
        desk.flow.handle(request);

        assertThat(desk.callbacks.list(false, 10)).hasSize(1);
        assertThat(desk.waiting.heads(desk.sales, 10)).hasSize(1);
    }

    @Test
    void aRequestFromAWithheldNumberFilesNothing() {
        desk.flow.handle(request("c9", "", Instant.now()));

        assertThat(desk.callbacks.list(false, 10)).isEmpty();
        assertThat(desk.waiting.heads(desk.sales, 10)).isEmpty();
    }

    @Test
    void theRingingAgentGetsAPopWithTheCustomerAndTheCallbacksContext() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", KNOWN, Instant.now().minusSeconds(30)));
        CallId call = onlyCallback().currentCall().orElseThrow();

        desk.flow.handle(AgentLegRinging.now(call, alice.endpoint().toString(), alice.endpoint() + "-1"));

        assertThat(desk.published(ScreenPopReady.class)).singleElement().satisfies(pop -> {
            assertThat(pop.agentId()).isEqualTo(alice.id());
            assertThat(pop.callId()).isEqualTo(call);
            assertThat(pop.card().id()).isEqualTo(customer);
            assertThat(pop.ivrChoices()).containsExactly("9 callback");
            assertThat(pop.routingReason()).contains("asked at", "called back", "attempt 1 of 2", "agent alice");
            assertThat(pop.waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        });
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Ringing(call));
    }

    @Test
    void aReachedCustomerIsTalkedToWrappedUpAndWrittenToHistoryAsOutbound() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", KNOWN, Instant.now().minusSeconds(30)));
        Callback callback = onlyCallback();
        CallId call = callback.currentCall().orElseThrow();

        agentAnswers(alice, call);
        desk.flow.handle(CallbackDialed.now(call, "PJSIP/trunk-1", OriginateOutcome.ANSWERED, "ANSWER"));
        desk.flow.handle(CallEnded.now(call, 16, "Normal Clearing", HangupParty.CUSTOMER));
        assertThat(desk.stateOf(alice)).isInstanceOf(AgentState.WrapUp.class);
        desk.flow.handle(new CompleteWrapUp(MessageId.random(), Instant.now(), alice.id(), call, "callback-done",
                "called back as asked", null, 0));

        List<Interaction> history = desk.history.lastInteractions(customer, 5);
        assertThat(history).singleElement().satisfies(row -> {
            assertThat(row.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(row.callId()).isEqualTo(call.value());
            assertThat(row.agentId()).isEqualTo("alice");
            assertThat(row.disposition()).isEqualTo("callback-done");
        });
        assertThat(desk.published(InteractionRecorded.class)).singleElement()
                .satisfies(recorded -> assertThat(recorded.direction()).isEqualTo("OUTBOUND"));
        Callback done = desk.callbacks.find(callback.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(CallbackStatus.DONE);
        assertThat(desk.callbacks.attempts(callback.id())).extracting(CallbackAttempt::outcome)
                .containsExactly(OriginateOutcome.ANSWERED);
        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
    }

    @Test
    void ronaPutsTheAgentNotReadyAndTheCallbackBackAtItsPlaceUnderANewCall() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", UNKNOWN, Instant.now().minusSeconds(30)));
        CallId first = onlyCallback().currentCall().orElseThrow();
        double place = desk.waiting.find(first).orElseThrow().orderKey();
        desk.flow.handle(AgentLegRinging.now(first, alice.endpoint().toString(), alice.endpoint() + "-1"));

        desk.flow.handle(AgentLegUnanswered.now(first, alice.endpoint().toString(), alice.endpoint() + "-1",
                "NOANSWER"));
        desk.flow.handle(CallEnded.now(first, 19, "No answer", HangupParty.PBX));

        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.NotReady(AgentState.NotReady.NO_ANSWER));
        Callback callback = onlyCallback();
        assertThat(callback.status()).isEqualTo(CallbackStatus.QUEUED);
        assertThat(callback.attempts()).as("the customer was not dialed").isZero();
        CallId second = callback.currentCall().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(desk.waiting.heads(desk.sales, 10)).singleElement().satisfies(waiting -> {
            assertThat(waiting.id()).isEqualTo(second);
            assertThat(waiting.orderKey()).isEqualTo(place);
        });
        assertThat(desk.published(QueueFiguresUpdated.class)).allMatch(figures -> figures.abandonedToday() == 0);
    }

    @Test
    void aCustomerNotReachedIsTriedAgainAfterTheRetryDelayAndTheAgentIsFreeAtOnce() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", UNKNOWN, Instant.now().minusSeconds(30)));
        CallId first = onlyCallback().currentCall().orElseThrow();

        notReached(alice, first, OriginateOutcome.BUSY, "BUSY");

        Callback pending = onlyCallback();
        assertThat(pending.status()).isEqualTo(CallbackStatus.PENDING);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.dueAt()).isAfter(Instant.now().plus(CallbackSettings.defaults().retryAfter())
                .minusSeconds(60));
        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.READY);
        desk.flow.tick();
        assertThat(desk.published(CallBackCustomer.class)).hasSize(1);

        desk.advanceClock(CallbackSettings.defaults().retryAfter().plusSeconds(1));
        desk.flow.tick();

        assertThat(desk.published(CallBackCustomer.class)).hasSize(2).last().satisfies(callBack -> {
            assertThat(callBack.callId()).isEqualTo(onlyCallback().currentCall().orElseThrow());
            assertThat(callBack.callId()).isNotEqualTo(first);
        });
    }

    @Test
    void anAgentWhoAskedForABreakDuringACallbackWhoseCustomerWasNotReachedGoesOnTheBreak() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", UNKNOWN, Instant.now().minusSeconds(30)));
        CallId first = onlyCallback().currentCall().orElseThrow();
        agentAnswers(alice, first);
        desk.flow.handle(io.cti.core.messages.ChangeAgentState.now(alice.id(),
                io.cti.core.messages.AgentStatus.NOT_READY, "lunch"));

        desk.flow.handle(CallbackDialed.now(first, "PJSIP/trunk-1", OriginateOutcome.BUSY, "BUSY"));
        desk.flow.handle(CallEnded.now(first, 17, "User busy", HangupParty.PBX));

        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.NotReady("lunch"));
    }

    @Test
    void aCustomerNeverReachedIsGivenUpWithAHistoryRowSayingSo() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", KNOWN, Instant.now().minusSeconds(30)));
        notReached(alice, onlyCallback().currentCall().orElseThrow(), OriginateOutcome.NO_ANSWER, "NOANSWER");
        desk.advanceClock(CallbackSettings.defaults().retryAfter().plusSeconds(1));
        desk.flow.tick();

        notReached(alice, onlyCallback().currentCall().orElseThrow(), OriginateOutcome.BUSY, "BUSY");

        Callback given = onlyCallback();
        assertThat(given.status()).isEqualTo(CallbackStatus.GAVE_UP);
        assertThat(given.attempts()).isEqualTo(2);
        assertThat(desk.callbacks.attempts(given.id())).extracting(CallbackAttempt::outcome)
                .containsExactly(OriginateOutcome.NO_ANSWER, OriginateOutcome.BUSY);
        assertThat(desk.history.lastInteractions(customer, 5)).singleElement().satisfies(row -> {
            assertThat(row.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(row.outcome()).isEqualTo("callback not reached");
            assertThat(row.notes()).contains("2 attempts", "NO_ANSWER", "BUSY");
            assertThat(row.agentId()).isEqualTo("alice");
        });
        desk.advanceClock(Duration.ofDays(1));
        desk.flow.tick();
        assertThat(desk.waiting.heads(desk.sales, 10)).isEmpty();
    }

    @Test
    void aCallbackWaitingLongerThanTheQueuesMaximumWaitStaysInItsQueue() {
        desk.flow.handle(request("c9", UNKNOWN, Instant.now().minus(Duration.ofMinutes(30))));

        desk.flow.tick();
        desk.flow.forgetCallsOfAVanishedPbx();

        assertThat(desk.waiting.heads(desk.sales, 10)).singleElement()
                .satisfies(waiting -> assertThat(waiting.id()).isEqualTo(onlyCallback().currentCall().orElseThrow()));
    }

    @Test
    void aCallbackReservedWhenItsPbxVanishedKeepsItsPlaceAndIsCalledBackAfterTheRestart() {
        Instant entered = Instant.now().minusSeconds(30);
        desk.flow.handle(request("c9", KNOWN, entered));
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = onlyCallback().currentCall().orElseThrow();
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(call));

        InboundCallFlow restarted = desk.anotherRouter();
        restarted.forgetCallsOfAVanishedPbx();

        assertThat(desk.waiting.heads(desk.sales, 10)).singleElement().satisfies(waiting -> {
            assertThat(waiting.id()).isEqualTo(call);
            assertThat(waiting.enqueuedAt()).isEqualTo(Instant.ofEpochMilli(entered.toEpochMilli()));
        });
        AgentProfile bob = desk.agent("bob");
        restarted.handle(io.cti.core.messages.ChangeAgentState.now(bob.id(), io.cti.core.messages.AgentStatus.READY,
                ""));
        assertThat(desk.published(CallBackCustomer.class)).extracting(CallBackCustomer::agentId)
                .containsExactly(alice.id(), bob.id());
    }

    @Test
    void aCallbackForAQueueThatTakesNoCallsIsGivenUpNotLost() {
        Instant due = Instant.now().minusSeconds(1);
        desk.callbacks.file(new io.cti.router.callbacks.CallbackRequest(CallbackKind.SCHEDULED, QueueName.of("default"),
                new io.cti.core.phone.PhoneNumber(UNKNOWN), null, null, null, CallId.of("c9"), IVR, List.of(), "", due,
                due, 2)).orElseThrow();

        desk.flow.tick();

        Callback callback = onlyCallback();
        assertThat(callback.status()).isEqualTo(CallbackStatus.GAVE_UP);
        assertThat(callback.lastOutcome()).contains("default");
    }

    @Test
    void aCallerAskingForACallbackInAQueueThatTakesNoCallsIsNotLeftWaitingForOne() {
        desk.flow.handle(new CallbackRequested(MessageId.random(), Instant.now(), CallId.of("c9"),
                QueueName.of("default"), UNKNOWN, IVR, List.of(), Instant.now()));

        assertThat(desk.callbacks.list(false, 10)).isEmpty();
        assertThat(desk.published(BlindTransfer.class)).singleElement()
                .satisfies(verdict -> assertThat(verdict.context()).isEqualTo("cti-callback-refused"));
    }

    @Test
    void aWrapUpWithACallbackTimeSchedulesOneCallbackThatGoesToTheSameAgentWhenDue() {
        desk.customer("Lin Wei", KNOWN);
        AgentProfile bob = desk.readyAgent("bob");
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        assertThat(desk.connects()).singleElement().satisfies(c -> assertThat(c.agentId()).isEqualTo(bob.id()));
        desk.flow.handle(AgentLegRinging.now(call, bob.endpoint().toString(), bob.endpoint() + "-1"));
        desk.flow.handle(CallConnected.now(call, bob.endpoint().toString(), bob.endpoint() + "-1"));
        desk.flow.handle(CallEnded.now(call, 16, "Normal Clearing", HangupParty.CUSTOMER));
        Instant at = Instant.now().plus(Duration.ofHours(2));
        CompleteWrapUp wrapUp = new CompleteWrapUp(MessageId.random(), Instant.now(), bob.id(), call, "quote",
                "send the quote, call back Tuesday", at, 0);

        desk.flow.handle(wrapUp);
        desk.flow.handle(wrapUp);

        Callback scheduled = onlyCallback();
        assertThat(scheduled.kind()).isEqualTo(CallbackKind.SCHEDULED);
        assertThat(scheduled.status()).isEqualTo(CallbackStatus.PENDING);
        // PostgreSQL keeps microseconds, rounded.
        assertThat(scheduled.dueAt()).isCloseTo(at, within(1, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(scheduled.preferredAgent()).isEqualTo(bob.id());
        assertThat(scheduled.number().e164()).isEqualTo(KNOWN);
        desk.flow.tick();
        assertThat(desk.published(CallBackCustomer.class)).isEmpty();

        desk.advanceClock(Duration.ofHours(2).plusSeconds(1));
        desk.flow.tick();

        // Alice has been idle longest (Bob was busy with the call), yet the callback goes to Bob, who asked for it.
        assertThat(desk.flow.board().entry(alice.id()).orElseThrow().agent().idleSince())
                .isBefore(desk.flow.board().entry(bob.id()).orElseThrow().agent().idleSince());
        assertThat(desk.published(CallBackCustomer.class)).singleElement().satisfies(callBack -> {
            assertThat(callBack.agentId()).isEqualTo(bob.id());
            assertThat(callBack.number()).isEqualTo(KNOWN);
        });
        CallId callbackCall = desk.published(CallBackCustomer.class).get(0).callId();
        assertThat(desk.flow.routingOf(callbackCall).orElseThrow().reason()).contains("sticky");
    }

    @Test
    void aWrapUpWithACallbackTimeInThePastSchedulesNothingButKeepsTheWrapUp() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        agentAnswers(alice, call);
        desk.flow.handle(CallEnded.now(call, 16, "Normal Clearing", HangupParty.CUSTOMER));

        desk.flow.handle(new CompleteWrapUp(MessageId.random(), Instant.now(), alice.id(), call, "info", "",
                Instant.now().minus(Duration.ofDays(1)), 0));

        assertThat(desk.callbacks.list(false, 10)).isEmpty();
        assertThat(desk.history.lastInteractions(customer, 5)).hasSize(1);
    }

    private CallbackRequested request(String call, String number, Instant entered) {
        return new CallbackRequested(MessageId.random(), Instant.now(), CallId.of(call), desk.sales, number, IVR,
                List.of("9 callback"), entered);
    }

    private Callback onlyCallback() {
        List<Callback> all = desk.callbacks.list(false, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void agentAnswers(AgentProfile agent, CallId call) {
        desk.flow.handle(AgentLegRinging.now(call, agent.endpoint().toString(), agent.endpoint() + "-1"));
        desk.flow.handle(CallConnected.now(call, agent.endpoint().toString(), agent.endpoint() + "-1"));
    }

    private void notReached(AgentProfile agent, CallId call, OriginateOutcome outcome, String dialStatus) {
        agentAnswers(agent, call);
        desk.flow.handle(CallbackDialed.now(call, "PJSIP/trunk-1", outcome, dialStatus));
        desk.flow.handle(CallEnded.now(call, 17, "User busy", HangupParty.PBX));
    }
}

package io.cti.router.calls;

import io.cti.core.customers.Direction;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.RefreshCustomerFigures;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.callbacks.Callback;
import io.cti.router.callbacks.CallbackKind;
import io.cti.router.callbacks.CallbackRequest;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.callbacks.CallbackStatus;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callbacks in the queue figures, as a call center counts them: a caller's virtual-hold callback is the contact
 * they made, answered once the customer picks up with the agent on the line and abandoned when it is given up
 * unreached, its wait from the caller's first arrival; a callback an agent scheduled is outbound work, counted in
 * neither. A callback given up is written to the history once, with the customer's figures, in one transaction.
 */
class CallbackFiguresTest {

    private static final String KNOWN = "+14155550123";

    private final FlowDesk desk = new FlowDesk(FlowSettings.defaults(), CallbackSettings.defaults().withMaxAttempts(1),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aCalledBackCallerIsAnsweredOnceWhenTheCustomerPicksUpWithTheWaitFromTheirFirstCall() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", Instant.now().minusSeconds(40)));
        CallId call = onlyCallback().currentCall().orElseThrow();

        agentAnswers(alice, call);
        assertThat(sales().answeredToday()).as("the agent's phone answered, the customer not yet").isZero();

        CallbackDialed reached = CallbackDialed.now(call, "PJSIP/trunk-1", OriginateOutcome.ANSWERED, "ANSWER");
        desk.flow.handle(reached);
        desk.flow.handle(reached);

        QueueFiguresUpdated figures = sales();
        assertThat(figures.answeredToday()).isEqualTo(1);
        assertThat(figures.abandonedToday()).isZero();
        assertThat(figures.averageSpeedOfAnswer()).isGreaterThanOrEqualTo(Duration.ofSeconds(40));
        assertThat(figures.serviceLevelToday()).as("40 s is past the 20 s target").isZero();
    }

    @Test
    void aCalledBackCallerNeverReachedCountsAsOneAbandonedCall() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", Instant.now().minusSeconds(40)));
        CallId call = onlyCallback().currentCall().orElseThrow();

        agentAnswers(alice, call);
        desk.flow.handle(CallbackDialed.now(call, "PJSIP/trunk-1", OriginateOutcome.NO_ANSWER, "NOANSWER"));
        desk.flow.handle(CallEnded.now(call, 17, "No answer", HangupParty.PBX));

        assertThat(onlyCallback().status()).isEqualTo(CallbackStatus.GAVE_UP);
        QueueFiguresUpdated figures = sales();
        assertThat(figures.abandonedToday()).isEqualTo(1);
        assertThat(figures.answeredToday()).isZero();
        assertThat(figures.abandonRate()).isEqualTo(1.0);
    }

    @Test
    void aCallbackAnAgentScheduledCountsInNoQueuesAnsweredOrAbandoned() {
        AgentProfile alice = desk.readyAgent("alice");
        Instant due = Instant.now().minusSeconds(1);
        desk.callbacks.file(new CallbackRequest(CallbackKind.SCHEDULED, desk.sales, new PhoneNumber(KNOWN), null,
                alice.id(), alice.id(), CallId.of("c1"), "", List.of(), "", due, due, 1)).orElseThrow();
        desk.flow.tick();
        CallId call = onlyCallback().currentCall().orElseThrow();

        agentAnswers(alice, call);
        desk.flow.handle(CallbackDialed.now(call, "PJSIP/trunk-1", OriginateOutcome.ANSWERED, "ANSWER"));

        assertThat(onlyCallback().status()).isEqualTo(CallbackStatus.DONE);
        QueueFiguresUpdated figures = sales();
        assertThat(figures.answeredToday()).isZero();
        assertThat(figures.abandonedToday()).isZero();
    }

    @Test
    void aCallbackGivenUpIsWrittenToTheHistoryOnceTogetherWithTheCustomersFigures() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(request("c9", Instant.now().minusSeconds(40)));
        CallId call = onlyCallback().currentCall().orElseThrow();
        agentAnswers(alice, call);
        CallbackDialed missed = CallbackDialed.now(call, "PJSIP/trunk-1", OriginateOutcome.BUSY, "BUSY");

        desk.flow.handle(missed);
        desk.flow.handle(CallEnded.now(call, 17, "User busy", HangupParty.PBX));
        desk.flow.handle(missed);

        assertThat(desk.history.lastInteractions(customer, 5)).singleElement().satisfies(row -> {
            assertThat(row.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(row.outcome()).isEqualTo(CallbackEndings.GAVE_UP);
            assertThat(row.callId()).isEqualTo(call.value());
            assertThat(row.talkSeconds()).isZero();
        });
        assertThat(desk.published(InteractionRecorded.class)).hasSize(1);
        assertThat(desk.published(RefreshCustomerFigures.class)).as("refreshed in the history's transaction")
                .isEmpty();
    }

    private QueueFiguresUpdated sales() {
        desk.flow.tick();
        return desk.flow.queueFigures().stream().filter(f -> f.queue().equals(desk.sales)).findFirst().orElseThrow();
    }

    private void agentAnswers(AgentProfile agent, CallId call) {
        desk.flow.handle(AgentLegRinging.now(call, agent.endpoint().toString(), agent.endpoint() + "-1"));
        desk.flow.handle(CallConnected.now(call, agent.endpoint().toString(), agent.endpoint() + "-1"));
    }

    private CallbackRequested request(String call, Instant entered) {
        return new CallbackRequested(MessageId.random(), Instant.now(), CallId.of(call), desk.sales, KNOWN, "5550000",
                List.of("9 callback"), entered);
    }

    private Callback onlyCallback() {
        List<Callback> all = desk.callbacks.list(false, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}

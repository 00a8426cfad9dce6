package io.cti.router.calls;

import io.cti.core.customers.Interaction;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.RefreshCustomerFigures;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the end of a call writes to the customer's history, through the flow on real PostgreSQL and Redis: the
 * interaction's typed timings (wait, ring, talk, hold summed over every hold, wrap-up), written once whatever is
 * redelivered, together with the customer's figures, and abandoned calls of known callers.
 */
class CallHistoryTimingsTest {

    private static final String KNOWN = "+14155550123";
    private static final Instant T = Instant.parse("2026-06-15T02:00:00Z");

    private final HandClock clock = new HandClock(T);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults().withZone(ZoneId.of("Asia/Shanghai")),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(60), List.of()));
    private final CustomerId customer = desk.customer("Lin Wei", KNOWN);
    private final AgentProfile alice = desk.readyAgent("alice");
    private final CallId call = CallId.of("c1");

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void anAnsweredCallsRowCarriesItsWaitRingTalkHoldAndWrapUp() {
        answered(12, 15);
        at(40, new CallHeld(MessageId.random(), t(40), call, "PJSIP/trunk-c1"));
        at(70, new CallResumed(MessageId.random(), t(70), call, "PJSIP/trunk-c1"));
        at(100, new CallHeld(MessageId.random(), t(100), call, "PJSIP/trunk-c1"));
        at(110, new CallResumed(MessageId.random(), t(110), call, "PJSIP/trunk-c1"));
        ended(200);

        wrappedUp(230, "sale", "ordered two", 0);

        Interaction row = onlyRow();
        assertThat(row.waitSeconds()).isEqualTo(12);
        assertThat(row.ringSeconds()).isEqualTo(3);
        assertThat(row.talkSeconds()).isEqualTo(145);
        assertThat(row.holdSeconds()).isEqualTo(40);
        assertThat(row.wrapUpSeconds()).isEqualTo(30);
        assertThat(row.startedAt()).isEqualTo(T);
        assertThat(row.endedAt()).isEqualTo(t(200));
        assertThat(row).extracting(Interaction::agentId, Interaction::queue, Interaction::outcome,
                Interaction::disposition, Interaction::notes).containsExactly("alice", "sales", "answered", "sale",
                "ordered two");
    }

    @Test
    void theCustomerCardShowsTheTimingsOfTheLastInteractions() {
        answered(12, 15);
        at(40, new CallHeld(MessageId.random(), t(40), call, "PJSIP/trunk-c1"));
        at(70, new CallResumed(MessageId.random(), t(70), call, "PJSIP/trunk-c1"));
        ended(200);
        wrappedUp(230, "sale", "", 0);

        Interaction shown = desk.cards.byId(customer).orElseThrow().lastInteractions().get(0);

        assertThat(shown).extracting(Interaction::waitSeconds, Interaction::ringSeconds, Interaction::talkSeconds,
                Interaction::holdSeconds, Interaction::wrapUpSeconds).containsExactly(12, 3, 155, 30, 30);
    }

    @Test
    void aCallEndingOnHoldCountsItsLastHoldUpToTheEnd() {
        answered(12, 15);
        at(40, new CallHeld(MessageId.random(), t(40), call, "PJSIP/trunk-c1"));
        at(50, new CallResumed(MessageId.random(), t(50), call, "PJSIP/trunk-c1"));
        at(100, new CallHeld(MessageId.random(), t(100), call, "PJSIP/trunk-c1"));
        ended(160);

        wrappedUp(170, "sale", "", 0);

        assertThat(onlyRow().holdSeconds()).isEqualTo(70);
        assertThat(onlyRow().talkSeconds()).isEqualTo(145 - 70);
    }

    @Test
    void holdsRedeliveredAndHandledOutOfOrderByTwoRoutersAreCountedOnce() {
        InboundCallFlow other = desk.anotherRouter();
        answered(12, 15);
        CallHeld held = new CallHeld(MessageId.random(), t(40), call, "PJSIP/trunk-c1");
        CallResumed resumed = new CallResumed(MessageId.random(), t(70), call, "PJSIP/trunk-c1");
        clock.set(t(71));
        other.handle(resumed);
        desk.flow.handle(held);
        other.handle(held);
        desk.flow.handle(resumed);
        ended(200);

        wrappedUp(230, "sale", "", 0);

        assertThat(onlyRow().holdSeconds()).isEqualTo(30);
    }

    @Test
    void aWrapUpDeliveredTwiceAndToASecondRouterWritesOneRowAndCountsTheCallOnce() {
        InboundCallFlow other = desk.anotherRouter();
        answered(12, 15);
        ended(200);
        CompleteWrapUp wrapUp = new CompleteWrapUp(MessageId.random(), t(230), alice.id(), call, "sale", "", null, 4);
        clock.set(t(230));

        desk.flow.handle(wrapUp);
        desk.flow.handle(wrapUp);
        other.handle(wrapUp);

        assertThat(desk.history.lastInteractions(customer, 10)).hasSize(1);
        assertThat(desk.published(InteractionRecorded.class)).hasSize(1);
        desk.flow.tick();
        other.tick();
        for (InboundCallFlow router : List.of(desk.flow, other)) {
            assertThat(router.queueFigures()).singleElement().satisfies(figures -> {
                assertThat(figures.answeredToday()).isEqualTo(1);
                assertThat(figures.averageHandleTime()).isEqualTo(Duration.ofSeconds(185 + 30));
                assertThat(figures.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(15));
            });
            assertThat(router.agentStates()).singleElement().satisfies(agent -> {
                assertThat(agent.callsToday()).isEqualTo(1);
                assertThat(agent.averageHandleTime()).isEqualTo(Duration.ofSeconds(185 + 30));
            });
        }
    }

    @Test
    void theInteractionAndTheCustomersRefreshedFiguresAreWrittenTogetherWithoutAFigureCommand() {
        answered(12, 15);
        ended(200);

        wrappedUp(230, "sale", "", 4);

        assertThat(desk.figures.find(customer).orElseThrow().averageSatisfaction()).isEqualByComparingTo("4");
        assertThat(desk.published(RefreshCustomerFigures.class)).isEmpty();
    }

    @Test
    void aKnownCallerHangingUpWhileWaitingIsWrittenAsAnAbandonedContactWithItsWait() {
        desk.flow.handle(new ChangeAgentState(MessageId.random(), t(0), alice.id(), AgentStatus.NOT_READY, "lunch"));
        at(0, desk.arrival("c1", KNOWN, T));

        ended(45);

        Interaction row = onlyRow();
        assertThat(row.outcome()).isEqualTo("abandoned");
        assertThat(row.agentId()).isNull();
        assertThat(row).extracting(Interaction::waitSeconds, Interaction::ringSeconds, Interaction::talkSeconds,
                Interaction::holdSeconds, Interaction::wrapUpSeconds).containsExactly(45, 0, 0, 0, 0);
        desk.flow.tick();
        assertThat(desk.flow.queueFigures()).singleElement()
                .satisfies(figures -> assertThat(figures.abandonedToday()).isEqualTo(1));
    }

    @Test
    void aCallerHangingUpWhileTheAgentsPhoneRingsHasWaitAndRingButNoAgent() {
        at(0, desk.arrival("c1", KNOWN, T));
        at(10, new AgentLegRinging(MessageId.random(), t(10), call, alice.endpoint().toString(), "PJSIP/alice-1"));

        ended(14);
        ended(14);

        assertThat(onlyRow()).extracting(Interaction::outcome, Interaction::agentId, Interaction::waitSeconds,
                Interaction::ringSeconds).containsExactly("abandoned", null, 10, 4);
    }

    @Test
    void aCallWhoseEndIsHandledBeforeItsArrivalIsNeverQueuedAndIsWrittenAsAbandoned() {
        InboundCallFlow other = desk.anotherRouter();
        clock.set(t(45));
        other.handle(new CallEnded(MessageId.random(), t(45), call, 16, "Normal Clearing", HangupParty.CUSTOMER));

        desk.flow.handle(desk.arrival("c1", KNOWN, T));

        assertThat(desk.connects()).isEmpty();
        assertThat(desk.waiting.find(call)).isEmpty();
        assertThat(onlyRow()).extracting(Interaction::outcome, Interaction::waitSeconds).containsExactly("abandoned", 45);
    }

    @Test
    void callsHandledTodayStartAgainAtMidnightInTheCentersZone() {
        answered(12, 15);
        ended(200);
        wrappedUp(230, "sale", "", 0);
        assertThat(desk.flow.agentStates()).singleElement()
                .satisfies(agent -> assertThat(agent.callsToday()).isEqualTo(1));

        clock.set(Instant.parse("2026-06-15T16:00:05Z")); // 00:00:05 of the next day in Shanghai
        desk.flow.tick();

        assertThat(desk.flow.agentStates()).singleElement().satisfies(agent -> {
            assertThat(agent.callsToday()).isZero();
            assertThat(agent.averageHandleTime()).isZero();
        });
        assertThat(desk.flow.board().entry(alice.id()).orElseThrow().agent().callsToday()).isZero();
        assertThat(desk.flow.queueFigures()).singleElement().satisfies(figures -> {
            assertThat(figures.answeredToday()).isZero();
            assertThat(figures.averageHandleTime()).isZero();
        });
    }

    @Test
    void justBeforeMidnightInTheCentersZoneTheCallsAreStillToday() {
        answered(12, 15);
        ended(200);
        wrappedUp(230, "sale", "", 0);

        clock.set(Instant.parse("2026-06-15T15:59:55Z")); // 23:59:55 in Shanghai
        desk.flow.tick();

        assertThat(desk.flow.agentStates()).singleElement()
                .satisfies(agent -> assertThat(agent.callsToday()).isEqualTo(1));
        assertThat(desk.flow.board().entry(alice.id()).orElseThrow().agent().callsToday()).isEqualTo(1);
    }

    private void answered(int ringAt, int answerAt) {
        at(0, desk.arrival("c1", KNOWN, T));
        at(ringAt, new AgentLegRinging(MessageId.random(), t(ringAt), call, alice.endpoint().toString(),
                "PJSIP/alice-1"));
        at(answerAt, new CallConnected(MessageId.random(), t(answerAt), call, alice.endpoint().toString(),
                "PJSIP/alice-1"));
    }

    private void ended(int second) {
        at(second, new CallEnded(MessageId.random(), t(second), call, 16, "Normal Clearing", HangupParty.CUSTOMER));
    }

    private void wrappedUp(int second, String disposition, String notes, int satisfaction) {
        at(second, new CompleteWrapUp(MessageId.random(), t(second), alice.id(), call, disposition, notes, null,
                satisfaction));
    }

    private void at(int second, DomainMessage message) {
        clock.set(t(second));
        desk.flow.handle(message);
    }

    private Interaction onlyRow() {
        List<Interaction> rows = desk.history.lastInteractions(customer, 10);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static Instant t(int second) {
        return T.plusSeconds(second);
    }
}

package io.cti.router.calls;

import io.cti.core.customers.Channel;
import io.cti.core.customers.Direction;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.HangupParty;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.OverflowAction;
import io.cti.router.queues.OverflowStep;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The flow's part of sticky routing, overflow, timed wrap-up and lost reservations: what the pure routing tests
 * cannot show, because it lives in the customer's history, the calls' records, the board and the tick.
 */
class FlowRulesTest {

    private static final String KNOWN = "+14155550123";
    private static final String UNKNOWN = "+14155559999";

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aCallerGoesToTheAgentWhoServedThemLastWhenThatAgentIsReady() {
        FlowDesk desk = new FlowDesk(FlowSettings.defaults(),
                FlowDesk.queue("sales", "sales", Duration.ofSeconds(30), Duration.ofSeconds(30), List.of()));
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        desk.readyAgent("alice");
        AgentProfile bob = desk.readyAgent("bob");
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        desk.history.recordInteraction(customer, new Interaction(0, Channel.PHONE, Direction.INBOUND, "bob", "c0",
                "sales", "answered", null, null, yesterday, yesterday.plusSeconds(60), 5, 60));

        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));

        assertThat(desk.connects()).singleElement().satisfies(c -> assertThat(c.agentId()).isEqualTo(bob.id()));
        assertThat(desk.flow.routingOf(CallId.of("c1")).orElseThrow().reason()).contains("sticky");
    }

    @Test
    void aCallThatWaitedPastTheOverflowIsRoutedInTheOverflowQueue() {
        FlowDesk desk = new FlowDesk(FlowSettings.defaults(),
                FlowDesk.queue("support", "support", Duration.ZERO, Duration.ofSeconds(30), List.of()),
                FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of(new OverflowStep(
                        Duration.ofSeconds(30), new OverflowAction.MoveToQueue(QueueName.of("support"))))));
        AgentProfile sam = desk.specialist("sam", "support");

        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now().minusSeconds(60)));

        assertThat(desk.connects()).singleElement().satisfies(c -> assertThat(c.agentId()).isEqualTo(sam.id()));
        CallRouting routing = desk.flow.routingOf(CallId.of("c1")).orElseThrow();
        assertThat(routing.queue()).isEqualTo(QueueName.of("sales"));
        assertThat(routing.routedQueue()).isEqualTo(QueueName.of("support"));
        assertThat(routing.reason()).contains("overflow");
    }

    @Test
    void aWrapUpWhoseTimeRunsOutIsEndedByTheTickAndWrittenWithoutDisposition() {
        FlowDesk desk = new FlowDesk(FlowSettings.defaults(),
                FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(1), List.of()));
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        desk.flow.handle(AgentLegRinging.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(CallConnected.now(call, alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(CallEnded.now(call, 16, "Normal Clearing", HangupParty.CUSTOMER));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            desk.flow.tick();
            return desk.stateOf(alice).equals(AgentState.READY);
        });

        assertThat(desk.history.lastInteractions(customer, 5)).singleElement()
                .satisfies(row -> assertThat(row.disposition()).isNull());
    }

    @Test
    void anAgentWhoseWrapUpWithoutACallRunsOutIsFreedAndReservedForTheWaitingCallInOneStep() {
        FlowDesk desk = new FlowDesk();
        AgentProfile alice = desk.agent("alice");
        long ended = Instant.now().minusSeconds(5).toEpochMilli();
        // A wrap-up that names no call, as a board written before wrap-ups carried their call holds it.
        desk.redis.hset(desk.keys.boardAgent(alice.id()), Map.of("state", "WrapUp:" + ended, "since",
                Long.toString(ended - 60_000), "calls", "1", "idleSince", Long.toString(ended - 60_000), "talk", "0",
                "day", java.time.LocalDate.now(desk.clock).toString(), "wrapUpCall", "", "afterCall", "", "rev", "1"));
        desk.redis.sadd(desk.keys.boardRoster(), alice.id().value());
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        assertThat(desk.connects()).isEmpty();
        int feedBefore = desk.changeCount();

        desk.flow.tick();

        assertThat(desk.connects()).singleElement().satisfies(c -> {
            assertThat(c.callId()).isEqualTo(CallId.of("c1"));
            assertThat(c.agentId()).isEqualTo(alice.id());
        });
        // Never Ready and unreserved for another router to see: the feed names her only together with the call.
        assertThat(desk.changesSince(feedBefore)).filteredOn(entry -> alice.id().value().equals(entry.getBody().get("a")))
                .singleElement().satisfies(entry -> assertThat(entry.getBody()).containsEntry("c", "c1"));
    }

    @Test
    void anAgentWhosePhoneNeverRangIsRoutableAgainOnceTheReservationExpired() {
        FlowDesk desk = new FlowDesk(FlowSettings.defaults().withReservationTimeout(Duration.ofMillis(200)),
                FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        Reservations reaper = Reservations.on(desk.redis, desk.keys, RouterId.of("reaper"));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reaper.reapExpired();
            desk.flow.tick();
            return desk.connects().size() >= 2;
        });

        assertThat(desk.connects()).extracting(ConnectToAgent::callId).containsOnly(CallId.of("c1"));
        assertThat(desk.connects()).extracting(ConnectToAgent::agentId).containsOnly(alice.id());
    }

    @Test
    void aRonaFromAnotherPhoneThanTheReservedAgentsChangesNothing() {
        FlowDesk desk = new FlowDesk();
        AgentProfile alice = desk.readyAgent("alice");
        AgentProfile bob = desk.agent("bob");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));

        desk.flow.handle(AgentLegUnanswered.now(CallId.of("c1"), bob.endpoint().toString(), "PJSIP/bob-1", "CANCEL"));

        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
        assertThat(desk.waiting.heads(desk.sales, 10)).isEmpty();
    }

    @Test
    void theCallsOfAVanishedPbxAreForgottenAndTheirAgentsLoggedOut() {
        FlowDesk desk = new FlowDesk();
        AgentProfile alice = desk.readyAgent("alice");
        CallId talking = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        desk.flow.handle(AgentLegRinging.now(talking, alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(CallConnected.now(talking, alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(desk.arrival("c2", UNKNOWN, Instant.now()));

        desk.flow.forgetCallsOfAVanishedPbx();

        assertThat(desk.stateOf(alice)).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(desk.waiting.heads(desk.sales, 10)).isEmpty();
    }

    @Test
    void anArrivalLongPastTheQueuesMaximumWaitIsNotQueued() {
        FlowDesk desk = new FlowDesk();
        desk.readyAgent("alice");

        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now().minus(Duration.ofMinutes(20))));

        assertThat(desk.connects()).isEmpty();
        assertThat(desk.waiting.find(CallId.of("c1"))).isEmpty();
    }
}

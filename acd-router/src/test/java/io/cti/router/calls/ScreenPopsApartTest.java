package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.ScreenPopReady;
import io.cti.router.agents.AgentState;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The screen-pops handed to a consumer of their own ({@link InboundCallFlow#separateScreenPops()}), as the platform
 * runs them, on real PostgreSQL and Redis: the flow confirms the ring and moves the agent, {@link ScreenPops} pops,
 * once, and only for the current reservation's phone.
 */
class ScreenPopsApartTest {

    private static final String KNOWN = "+14155550123";

    private final FlowDesk desk = new FlowDesk();
    private final ScreenPops pops = desk.flow.separateScreenPops();

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void theFlowMovesTheRungAgentToRingingAndLeavesThePopToScreenPops() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now().minusSeconds(2)));
        AgentLegRinging ring = AgentLegRinging.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1");

        desk.flow.handle(ring);
        assertThat(desk.published(ScreenPopReady.class)).isEmpty();
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Ringing(CallId.of("c1")));

        pops.handle(ring);
        assertThat(desk.published(ScreenPopReady.class)).singleElement().satisfies(pop -> {
            assertThat(pop.agentId()).isEqualTo(alice.id());
            assertThat(pop.card().id()).isEqualTo(customer);
            assertThat(pop.routingReason()).contains("agent alice");
        });
    }

    @Test
    void theFlowConfirmsTheRingWithoutAMarkerOfItsOwnOnlyThePopsMarkerIsWritten() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        AgentLegRinging ring = AgentLegRinging.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1");

        desk.flow.handle(ring);
        assertThat(desk.redis.hkeys(desk.keys.callRecord(CallId.of("c1")))).noneMatch(f -> f.startsWith("once:"))
                .contains(CallLedger.RINGING_AT);
        pops.handle(ring);

        assertThat(desk.redis.hkeys(desk.keys.callRecord(CallId.of("c1")))).filteredOn(f -> f.startsWith("once:"))
                .singleElement().satisfies(f -> assertThat(f).startsWith("once:pop"));
    }

    @Test
    void aRingPopsOnceWhicheverConsumerHandlesItFirstAndHoweverOftenItIsDelivered() {
        desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        AgentLegRinging ring = AgentLegRinging.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1");

        pops.handle(ring);
        desk.flow.handle(ring);
        pops.handle(ring);

        assertThat(desk.published(ScreenPopReady.class)).hasSize(1);
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Ringing(CallId.of("c1")));
    }

    @Test
    void aRingHandledAfterTheAgentAnsweredStillPopsOnce() {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        AgentLegRinging ring = AgentLegRinging.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1");
        desk.flow.handle(ring);
        desk.flow.handle(CallConnected.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1"));

        pops.handle(ring);
        pops.handle(ring);

        assertThat(desk.published(ScreenPopReady.class)).singleElement().satisfies(pop -> {
            assertThat(pop.agentId()).isEqualTo(alice.id());
            assertThat(pop.card().id()).isEqualTo(customer);
        });
    }

    @Test
    void aRingAfterTheAgentRangOutPopsNothing() {
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        desk.flow.handle(AgentLegUnanswered.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1",
                "NOANSWER"));

        pops.handle(AgentLegRinging.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1"));

        assertThat(desk.published(ScreenPopReady.class)).isEmpty();
    }

    @Test
    void aRingAtAPhoneTheCallIsNotReservedForPopsNothing() {
        AgentProfile alice = desk.readyAgent("alice");
        AgentProfile bob = desk.agent("bob");
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));

        pops.handle(AgentLegRinging.now(CallId.of("c1"), bob.endpoint().toString(), "PJSIP/bob-1"));

        assertThat(desk.published(ScreenPopReady.class)).isEmpty();
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
    }

    @Test
    void aPopWhoseCardIsStillBeingReadHoldsUpNoRingBehindIt() throws Exception {
        CustomerId customer = desk.customer("Lin Wei", KNOWN);
        desk.flow.handle(desk.arrival("c1", KNOWN, Instant.now()));
        desk.flow.handle(desk.arrival("c2", "+14155559999", Instant.now()));
        // Waited past the time the arrival's card serves the pop: the reservation reads c1's card again.
        desk.advanceClock(PopCards.REUSED_UNTIL.plusSeconds(1));
        try (Connection holder = desk.database.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table interaction in access exclusive mode");
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                AgentProfile alice = desk.readyAgent("alice");
                AgentProfile bob = desk.readyAgent("bob");
                AgentProfile known = desk.stateOf(alice).equals(new AgentState.Reserved(CallId.of("c1"))) ? alice
                        : bob;
                AgentProfile unknown = known == alice ? bob : alice;

                pops.handle(AgentLegRinging.now(CallId.of("c1"), known.endpoint().toString(), "PJSIP/known-1"));
                pops.handle(AgentLegRinging.now(CallId.of("c2"), unknown.endpoint().toString(), "PJSIP/unknown-1"));
            });
            assertThat(desk.published(ScreenPopReady.class)).extracting(ScreenPopReady::callId)
                    .containsExactly(CallId.of("c2"));
            holder.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> desk.published(ScreenPopReady.class).size() == 2);
        assertThat(desk.published(ScreenPopReady.class).get(1)).satisfies(pop -> {
            assertThat(pop.callId()).isEqualTo(CallId.of("c1"));
            assertThat(pop.card().id()).isEqualTo(customer);
        });
    }
}

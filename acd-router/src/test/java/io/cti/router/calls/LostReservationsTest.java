package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.router.agents.AgentState;
import io.cti.router.reservations.FencingToken;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a router that died mid-reservation leaves behind is routable again within the reservation's timeout, even
 * when another router gave the call to someone else first: the agent it had reserved is not left Reserved for a
 * call that is no longer theirs.
 */
class LostReservationsTest {

    private static final String UNKNOWN = "+14155559999";

    private final FlowDesk desk = new FlowDesk(FlowSettings.defaults().withReservationTimeout(Duration.ofMillis(300)),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void anAgentReservedByARouterThatDiedIsReadyAgainOnceTheirCallWentToAnotherAgent() {
        CallId call = CallId.of("c1");
        AgentProfile alice = desk.readyAgent("alice");
        // Router 1 reserves alice and dies before her phone rings: no ring, no answer, no tick of its own.
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(call));
        // The survivor's own reservations last long enough for this test's ring to come in time on a busy machine.
        InboundCallFlow survivor = desk.router(FlowSettings.defaults().withReservationTimeout(Duration.ofSeconds(5))
                .withDefinitionsMaxAge(Duration.ZERO));
        Reservations reaper = Reservations.on(desk.redis, desk.keys, RouterId.of("reaper"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reaper.reapExpired() > 0);

        AgentProfile bob = desk.agent("bob");
        survivor.handle(ChangeAgentState.now(bob.id(), AgentStatus.READY, ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            survivor.tick();
            return desk.connects().stream().anyMatch(c -> c.callId().equals(call) && c.agentId().equals(bob.id()));
        });
        // Bob's phone rings: his reservation of the call holds for the ring time.
        survivor.handle(AgentLegRinging.now(call, bob.endpoint().toString(), "PJSIP/bob-1"));
        assertThat(survivor.board().entry(bob.id()).orElseThrow().state()).isEqualTo(new AgentState.Ringing(call));
        // The dead router's connect carries a token that is no longer current: the bridge would ignore it now.
        Reservations store = Reservations.on(desk.redis, desk.keys, RouterId.of("bridge"));
        ConnectToAgent late = desk.connects().get(0);
        ConnectToAgent routed = desk.connects().stream().filter(c -> c.agentId().equals(bob.id())).findFirst()
                .orElseThrow();
        assertThat(late.agentId()).isEqualTo(alice.id());
        assertThat(store.isCurrent(call, FencingToken.of(late.fencingToken()))).isFalse();
        assertThat(store.isCurrent(call, FencingToken.of(routed.fencingToken()))).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            survivor.tick();
            return survivor.board().entry(alice.id()).orElseThrow().state().equals(AgentState.READY);
        });
        survivor.handle(desk.arrival("c2", UNKNOWN, Instant.now()));
        assertThat(desk.connects()).filteredOn(c -> c.callId().equals(CallId.of("c2")))
                .extracting(ConnectToAgent::agentId).containsExactly(alice.id());
    }
}

package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.router.agents.AgentState;
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
 * A router restarted beside a fresh PBX (the embedded pbx-sim of a new run) forgets the calls of the old one,
 * including those a killed router had reserved: none comes back from its reservation as a call to route that no
 * longer exists.
 */
class VanishedPbxTest {

    private static final String UNKNOWN = "+14155559999";
    private static final CallId CALL = CallId.of("c1");

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aCallReservedWhenTheRouterWasKilledIsForgottenWithItsReservation() {
        FlowDesk desk = deskReservingFor(Duration.ofMinutes(1));
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CALL));

        InboundCallFlow restarted = desk.anotherRouter();
        restarted.forgetCallsOfAVanishedPbx();

        assertThat(reservations(desk).currentOf(CALL)).isEmpty();
        assertThat(desk.redis.zcard(desk.keys.deadlines())).as("reservations left for the reaper").isZero();
        assertThat(desk.waiting.heads(desk.sales, 10)).isEmpty();
        assertThat(restarted.board().entry(alice.id()).orElseThrow().state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void aCallWhoseReservationExpiredBeforeTheRestartIsNotBroughtBackByTheReaper() {
        FlowDesk desk = deskReservingFor(Duration.ofMillis(100));
        AgentProfile alice = desk.readyAgent("alice");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        assertThat(desk.stateOf(alice)).isEqualTo(new AgentState.Reserved(CALL));
        await().atMost(Duration.ofSeconds(10)).until(() -> reservations(desk).currentOf(CALL).isEmpty());

        InboundCallFlow restarted = desk.anotherRouter();
        restarted.forgetCallsOfAVanishedPbx();

        assertThat(reservations(desk).reapExpired()).isZero();
        assertThat(desk.waiting.heads(desk.sales, 10)).isEmpty();
        assertThat(restarted.board().entry(alice.id()).orElseThrow().state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    private static FlowDesk deskReservingFor(Duration timeout) {
        return new FlowDesk(FlowSettings.defaults().withReservationTimeout(timeout),
                FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));
    }

    private static Reservations reservations(FlowDesk desk) {
        return Reservations.on(desk.redis, desk.keys, RouterId.of("test"));
    }
}

package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.DialCustomer;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.agents.AgentState;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent on a break who dials a customer from the card is reserved for that call in one step: they never pass
 * through a Ready that a second router, with a caller waiting, could route to; and they are out of the ready set
 * for as long as the call lasts.
 */
class ClickToDialFromBreakTest {

    /** 04:00 UTC: noon in Shanghai, inside the callee's calling window. */
    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-06-15T04:00:00Z");
    private static final String NUMBER = "+8613800138000";

    private final HandClock clock = new HandClock(NOON_IN_SHANGHAI);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults(),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

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
}

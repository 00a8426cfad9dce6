package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.MessageId;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Click-to-dial's checks through the flow on real PostgreSQL and Redis: the agent must be free to take a call, the
 * number not on the Do-Not-Call list and the callee inside their local calling window; each refusal names its
 * reason for the console.
 */
class ClickToDialRulesTest {

    /** 04:00 UTC: noon in Shanghai, midnight in New York. */
    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-06-15T04:00:00Z");
    private static final PhoneNumber SHANGHAI = new PhoneNumber("+8613800138000");
    private static final PhoneNumber LISTED = new PhoneNumber("+8613900139000");
    private static final PhoneNumber NEW_YORK = new PhoneNumber("+12125550123");

    private final HandClock clock = new HandClock(NOON_IN_SHANGHAI);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults(),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));
    private final AgentProfile alice = desk.readyAgent("alice");
    private final InboundCallFlow flow = desk.routerDialing(LISTED::equals);

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aNumberOnTheDoNotCallListIsNeverDialed() {
        flow.handle(DialCustomer.now(alice.id(), LISTED, null));

        assertThat(onlyRefusal().reasonId()).isEqualTo("do-not-call");
    }

    @Test
    void aCalleeOutsideTheirLocalCallingWindowIsNotDialed() {
        flow.handle(DialCustomer.now(alice.id(), NEW_YORK, null));

        CallControlRefused refused = onlyRefusal();
        assertThat(refused.reasonId()).isEqualTo("outside-calling-window");
        assertThat(refused.reason()).contains("08:00-21:00").contains("America/New_York");
        assertThat(refused.reason()).doesNotContain("2125550123");
    }

    @Test
    void anAgentOnACallCannotDial() {
        desk.flow.handle(desk.arrival("c1", "+14155550123", NOON_IN_SHANGHAI));
        desk.flow.handle(new AgentLegRinging(MessageId.random(), NOON_IN_SHANGHAI, CallId.of("c1"),
                alice.endpoint().toString(), "PJSIP/alice-1"));
        desk.flow.handle(new CallConnected(MessageId.random(), NOON_IN_SHANGHAI, CallId.of("c1"),
                alice.endpoint().toString(), "PJSIP/alice-1"));

        flow.handle(DialCustomer.now(alice.id(), SHANGHAI, null));

        assertThat(onlyRefusal().reasonId()).isEqualTo("agent-busy");
    }

    @Test
    void aNotReadyAgentMayDialACalleeInsideTheWindowAndTheCallIsPlaced() {
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "outbound"));

        flow.handle(DialCustomer.now(alice.id(), SHANGHAI, null));

        assertThat(desk.published(CallControlRefused.class)).isEmpty();
        assertThat(desk.published(CallBackCustomer.class)).singleElement().satisfies(dial -> {
            assertThat(dial.agentId()).isEqualTo(alice.id());
            assertThat(dial.number()).isEqualTo(SHANGHAI.e164());
        });
    }

    private CallControlRefused onlyRefusal() {
        List<CallControlRefused> refusals = desk.published(CallControlRefused.class);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).agentId()).isEqualTo(alice.id());
        assertThat(refusals.get(0).requestType()).isEqualTo("DialCustomer");
        return refusals.get(0);
    }
}

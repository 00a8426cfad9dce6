package io.cti.router.calls;

import io.cti.core.bus.MessageHandler;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.DomainMessage;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A move sent without waiting that turns out stale is made again before anything else moves that agent: a later
 * request of the same agent, handled while the first one's answer was still on its way, is decided after it (real
 * PostgreSQL and Redis, two routers, Redis holding writes with CLIENT PAUSE WRITE so that the race is not left to
 * chance).
 */
class OverlappedMovesOrderTest {

    /** 04:00 UTC: noon in Shanghai, inside its calling window. */
    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-06-15T04:00:00Z");
    private static final PhoneNumber SHANGHAI = new PhoneNumber("+8613800138000");

    private final HandClock clock = new HandClock(NOON_IN_SHANGHAI);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults(),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));
    private final AgentProfile alice = desk.agent("alice");
    private final InboundCallFlow flow = desk.routerDialing(number -> false);
    private final MessageHandler handler = flow.busHandler();

    @AfterEach
    void close() {
        FlowDesk.closeAll();
    }

    @Test
    @Timeout(30)
    void aStaleReadyIsMadeAgainBeforeTheSameAgentsLaterClickToDialIsDecided() throws Exception {
        // Queued by this router, which reads its routing board then (Redis holds scripts that read it too, below).
        flow.handle(desk.arrival("c1", "+12025550123", NOON_IN_SHANGHAI));
        flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        // Moved by another router: this router's board still remembers her on her break.
        desk.anotherRouter().handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "lunch"));
        int before = desk.published.size();

        AtomicReference<Throwable> dialFailed = new AtomicReference<>();
        Thread dialing = new Thread(() -> {
            try {
                handler.handle(DialCustomer.now(alice.id(), SHANGHAI, null));
            } catch (Throwable e) {
                dialFailed.set(e);
            }
        }, "second-handling");
        try (RedisWritesHeld ignored = RedisWritesHeld.forMillis(10_000)) {
            // Her Ready is sent and held by Redis; her click-to-dial comes while its answer is on its way.
            handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
            dialing.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> dialing.getState() == Thread.State.WAITING);
        }
        dialing.join(10_000);
        assertThat(dialing.isAlive()).as("the click-to-dial's handling ended").isFalse();
        assertThat(dialFailed.get()).isNull();
        handler.settle();

        // As if handled one after the other: Ready (made again from her lunch) and given the waiting call, then her
        // click-to-dial refused as she is busy - not her own call reserved from her lunch, the Ready coming too late.
        List<DomainMessage> after = desk.published.subList(before, desk.published.size());
        assertThat(after).filteredOn(AgentStateChanged.class::isInstance).map(AgentStateChanged.class::cast)
                .filteredOn(s -> s.agentId().equals(alice.id())).extracting(AgentStateChanged::status)
                .containsExactly(AgentStatus.READY, AgentStatus.RESERVED);
        assertThat(after).filteredOn(ConnectToAgent.class::isInstance).map(ConnectToAgent.class::cast)
                .singleElement().extracting(ConnectToAgent::callId).isEqualTo(CallId.of("c1"));
        assertThat(after).filteredOn(CallControlRefused.class::isInstance).map(CallControlRefused.class::cast)
                .singleElement().extracting(CallControlRefused::reasonId).isEqualTo("agent-busy");
    }
}

package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two router processes on one Redis and one database, each handling the whole life of different calls: both
 * publish the figures of the whole center, not of the calls they handled themselves.
 */
class SharedFiguresTest {

    private static final String UNKNOWN = "+14155559999";
    private static final Instant T = Instant.parse("2026-06-15T02:00:00Z");

    private final HandClock clock = new HandClock(T);
    private final FlowDesk desk = new FlowDesk(clock, FlowSettings.defaults().withZone(ZoneId.of("Asia/Shanghai")),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(60), List.of()));
    private final InboundCallFlow first = desk.flow;
    private final InboundCallFlow second = desk.anotherRouter();

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void twoRoutersHandlingDifferentCallsBothPublishTheFiguresOfEveryCall() {
        // Both known before the routers read the definitions (the hand clock never ages their cache).
        AgentProfile alice = desk.agent("alice");
        AgentProfile bob = desk.agent("bob");
        first.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        talked(first, "c1", alice, 10, 100, 130);
        second.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
        second.handle(ChangeAgentState.now(bob.id(), AgentStatus.READY, ""));
        talked(second, "c2", bob, 30, 200, 220);
        clock.set(T.plusSeconds(300));
        second.handle(desk.arrival("c3", UNKNOWN, T.plusSeconds(240)));
        first.handle(new CallEnded(MessageId.random(), T.plusSeconds(290), CallId.of("c3"), 16, "Normal Clearing",
                HangupParty.CUSTOMER));

        first.tick();
        second.tick();

        QueueFiguresUpdated seenByFirst = first.queueFigures().get(0);
        QueueFiguresUpdated seenBySecond = second.queueFigures().get(0);
        for (QueueFiguresUpdated figures : List.of(seenByFirst, seenBySecond)) {
            assertThat(figures.answeredToday()).isEqualTo(2);
            assertThat(figures.abandonedToday()).isEqualTo(1);
            assertThat(figures.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds((10 + 30) / 2));
            assertThat(figures.averageHandleTime()).isEqualTo(Duration.ofSeconds((120 + 190) / 2));
            assertThat(figures.abandonRate()).isEqualTo(1 / 3.0);
        }
        assertThat(first.agentStates()).isEqualTo(second.agentStates());
        assertThat(first.agentStates()).extracting(AgentStateView::callsToday).containsExactly(1, 1);
    }

    /** The call's whole life on one router: answered after {@code answer} s, ended and wrapped up later. */
    private void talked(InboundCallFlow router, String id, AgentProfile agent, int answer, int end, int wrappedUp) {
        CallId call = CallId.of(id);
        String endpoint = agent.endpoint().toString();
        clock.set(T);
        router.handle(desk.arrival(id, UNKNOWN, T));
        router.handle(new AgentLegRinging(MessageId.random(), T.plusSeconds(answer - 2), call, endpoint, endpoint + "-1"));
        router.handle(new CallConnected(MessageId.random(), T.plusSeconds(answer), call, endpoint, endpoint + "-1"));
        router.handle(new CallEnded(MessageId.random(), T.plusSeconds(end), call, 16, "Normal Clearing",
                HangupParty.CUSTOMER));
        router.handle(new CompleteWrapUp(MessageId.random(), T.plusSeconds(wrappedUp), agent.id(), call, "sale", "",
                null, 0));
    }
}

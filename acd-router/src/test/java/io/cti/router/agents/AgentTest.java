package io.cti.router.agents;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.RouterException;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentTest {

    private static final Instant START = Instant.parse("2026-06-15T08:00:00Z");
    private static final CallId CALL = CallId.of("call-1");

    private final MutableClock clock = new MutableClock(START);

    private Agent loggedOut() {
        return Agent.loggedOut(AgentId.of("a1"), Map.of(Skill.of("billing"), Proficiency.of(5)), Set.of("north"),
                "PJSIP/2001", START);
    }

    private Agent through(Agent agent, AgentState... states) {
        Agent at = agent;
        for (AgentState state : states) {
            clock.advance(Duration.ofSeconds(10));
            at = at.moveTo(state, clock);
        }
        return at;
    }

    @Test
    void anAgentGoesThroughACallFromReadyBackToReady() {
        Agent agent = through(loggedOut(), AgentState.READY, new AgentState.Reserved(CALL), new AgentState.Ringing(CALL),
                new AgentState.OnCall(CALL), new AgentState.WrapUp(START.plusSeconds(120)), AgentState.READY);

        assertThat(agent.state()).isEqualTo(AgentState.READY);
    }

    @Test
    void anIllegalTransitionIsRefusedAndChangesNothing() {
        Agent ready = through(loggedOut(), AgentState.READY);

        assertThatThrownBy(() -> ready.moveTo(new AgentState.OnCall(CALL), clock))
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("a1").hasMessageContaining("Ready").hasMessageContaining("OnCall(call-1)")
                .extracting(e -> ((RouterException) e).errorId()).isEqualTo("illegal-agent-transition");
        assertThat(ready.state()).isEqualTo(AgentState.READY);
        assertThat(ready.since()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void aReservationForOneCallCannotRingWithAnother() {
        Agent reserved = through(loggedOut(), AgentState.READY, new AgentState.Reserved(CALL));

        assertThatThrownBy(() -> reserved.moveTo(new AgentState.Ringing(CallId.of("call-2")), clock))
                .isInstanceOf(RouterException.class);
    }

    @Test
    void anExpiredReservationReturnsTheAgentToReady() {
        Agent agent = through(loggedOut(), AgentState.READY, new AgentState.Reserved(CALL), AgentState.READY);

        assertThat(agent.isReady()).isTrue();
    }

    @Test
    void ringingWithoutAnswerPutsTheAgentNotReadyWithNoAnswer() {
        Agent agent = through(loggedOut(), AgentState.READY, new AgentState.Reserved(CALL), new AgentState.Ringing(CALL),
                new AgentState.NotReady(AgentState.NotReady.NO_ANSWER));

        assertThat(agent.state()).isEqualTo(new AgentState.NotReady("no-answer"));
    }

    @Test
    void anAgentCanLogOutFromAnyLoggedInState() {
        Agent onCall = through(loggedOut(), AgentState.READY, new AgentState.Reserved(CALL), new AgentState.Ringing(CALL),
                new AgentState.OnCall(CALL));

        assertThat(onCall.moveTo(AgentState.LOGGED_OUT, clock).state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void aLoggedOutAgentCannotLogOutAgain() {
        assertThatThrownBy(() -> loggedOut().moveTo(AgentState.LOGGED_OUT, clock)).isInstanceOf(RouterException.class);
    }

    @Test
    void aLoggedOutAgentMayStartNotReady() {
        assertThat(loggedOut().moveTo(new AgentState.NotReady("meeting"), clock).state())
                .isEqualTo(new AgentState.NotReady("meeting"));
    }

    @Test
    void notReadyAndReadyAlternate() {
        Agent agent = through(loggedOut(), AgentState.READY, new AgentState.NotReady("lunch"), AgentState.READY,
                new AgentState.NotReady("training"), new AgentState.NotReady("meeting"));

        assertThat(agent.state()).isEqualTo(new AgentState.NotReady("meeting"));
    }

    @Test
    void aReadyAgentCannotGoReadyAgain() {
        Agent ready = through(loggedOut(), AgentState.READY);

        assertThatThrownBy(() -> ready.moveTo(AgentState.READY, clock)).isInstanceOf(RouterException.class);
    }

    @Test
    void timeInStateCountsFromTheLastTransition() {
        Agent ready = through(loggedOut(), AgentState.READY);
        clock.advance(Duration.ofSeconds(95));

        assertThat(ready.timeInState(clock)).isEqualTo(Duration.ofSeconds(95));
    }

    @Test
    void endingACallCountsItAddsTalkTimeAndStartsIdleTime() {
        Agent onCall = through(loggedOut(), AgentState.READY, new AgentState.Reserved(CALL), new AgentState.Ringing(CALL),
                new AgentState.OnCall(CALL));
        clock.advance(Duration.ofSeconds(170));
        Agent wrapping = onCall.moveTo(new AgentState.WrapUp(clock.instant().plusSeconds(30)), clock);

        assertThat(wrapping.callsToday()).isEqualTo(1);
        assertThat(wrapping.talkTime()).isEqualTo(Duration.ofSeconds(170));
        assertThat(wrapping.idleSince()).isEqualTo(clock.instant());
        assertThat(wrapping.averageHandleTime()).isEqualTo(Duration.ofSeconds(170));
    }

    @Test
    void wrapUpEndsAtItsDeadline() {
        Agent wrapping = through(loggedOut(), AgentState.READY, new AgentState.Reserved(CALL), new AgentState.Ringing(CALL),
                new AgentState.OnCall(CALL), new AgentState.WrapUp(START.plusSeconds(80)));

        assertThat(wrapping.endWrapUpIfDue(clock).state()).isInstanceOf(AgentState.WrapUp.class);
        clock.advance(Duration.ofSeconds(30));
        assertThat(wrapping.endWrapUpIfDue(clock).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void loggingInStartsTheIdleTimeAfresh() {
        Agent agent = through(loggedOut(), AgentState.READY);

        assertThat(agent.idleSince()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void aPhoneEndpointNamesTechnologyAndResource() {
        assertThatThrownBy(() -> Agent.loggedOut(AgentId.of("a1"), Map.of(), Set.of(), "2001", START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PJSIP/2001");
    }
}

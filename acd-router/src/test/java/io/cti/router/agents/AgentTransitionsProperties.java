package io.cti.router.agents;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.RouterException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules of the agent state machine that hold for every pair of states. */
class AgentTransitionsProperties {

    private static final Instant START = Instant.parse("2026-06-15T08:00:00Z");

    @Property
    void aMoveSucceedsExactlyWhenTheTableAllowsItAndARefusalChangesNothing(@ForAll("states") AgentState from,
                                                                             @ForAll("states") AgentState to) {
        MutableClock clock = new MutableClock(START.plusSeconds(60));
        Agent agent = new Agent(AgentId.of("a1"), Map.of(), Set.of(), "PJSIP/2001", from, START, 0, START,
                java.time.Duration.ZERO);

        if (AgentTransitions.allowed(from, to)) {
            Agent moved = agent.moveTo(to, clock);
            assertThat(moved.state()).isEqualTo(to);
            assertThat(moved.since()).isEqualTo(clock.instant());
        } else {
            assertThatThrownBy(() -> agent.moveTo(to, clock)).isInstanceOf(RouterException.class);
            assertThat(agent.state()).isEqualTo(from);
            assertThat(agent.since()).isEqualTo(START);
        }
    }

    @Property
    void everyLoggedInStateCanLogOut(@ForAll("states") AgentState from) {
        assertThat(AgentTransitions.allowed(from, AgentState.LOGGED_OUT)).isEqualTo(!(from instanceof AgentState.LoggedOut));
    }

    @Property
    void onlyReadyLeadsToAReservation(@ForAll("states") AgentState from, @ForAll("states") AgentState to) {
        if (to instanceof AgentState.Reserved && AgentTransitions.allowed(from, to)) {
            assertThat(from).isEqualTo(AgentState.READY);
        }
    }

    @Provide
    Arbitrary<AgentState> states() {
        CallId a = CallId.of("c-a");
        CallId b = CallId.of("c-b");
        return Arbitraries.of(List.of(AgentState.LOGGED_OUT, AgentState.READY, new AgentState.Reserved(a),
                new AgentState.Reserved(b), new AgentState.Ringing(a), new AgentState.Ringing(b), new AgentState.OnCall(a),
                new AgentState.OnCall(b), new AgentState.WrapUp(START.plusSeconds(30)),
                new AgentState.WrapUp(START.plusSeconds(90)), new AgentState.NotReady("lunch"),
                new AgentState.NotReady(AgentState.NotReady.NO_ANSWER)));
    }
}

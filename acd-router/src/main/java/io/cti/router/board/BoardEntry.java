package io.cti.router.board;

import io.cti.core.ids.CallId;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;

import java.util.Objects;
import java.util.Optional;

/**
 * One agent as the board holds them: the agent with their runtime state, the board revision it was read at (the
 * compare-and-set of the next move checks it), the call a wrap-up is about (the state itself carries only its end),
 * and a Not ready reason the agent asked for while busy, applied when the call is done. Immutable.
 *
 * @param revision        0 for an agent who was never on the board
 * @param wrapUpCall      the call of the current or last wrap-up, or null
 * @param notReadyAfterCall the reason code to go Not ready with after the call, or null to go Ready
 */
public record BoardEntry(Agent agent, long revision, CallId wrapUpCall, String notReadyAfterCall) {

    public BoardEntry {
        Objects.requireNonNull(agent, "agent");
    }

    public AgentState state() {
        return agent.state();
    }

    /** The call the agent's state is about: reserved, ringing, talking or wrapping up. */
    public Optional<CallId> call() {
        AgentState state = agent.state();
        if (state instanceof AgentState.Reserved r) {
            return Optional.of(r.call());
        }
        if (state instanceof AgentState.Ringing r) {
            return Optional.of(r.call());
        }
        if (state instanceof AgentState.OnCall c) {
            return Optional.of(c.call());
        }
        if (state instanceof AgentState.WrapUp) {
            return Optional.ofNullable(wrapUpCall);
        }
        return Optional.empty();
    }
}

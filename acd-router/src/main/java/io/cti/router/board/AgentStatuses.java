package io.cti.router.board;

import io.cti.core.messages.AgentStatus;
import io.cti.router.agents.AgentState;

/** The status other modules see for an agent state (the console's and the wallboard's words). Stateless. */
public final class AgentStatuses {

    private AgentStatuses() {
    }

    public static AgentStatus of(AgentState state) {
        return StateCodec.status(state);
    }
}

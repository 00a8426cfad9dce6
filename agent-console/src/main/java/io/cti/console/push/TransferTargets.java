package io.cti.console.push;

import java.util.List;

/**
 * What an agent may transfer their call to, for the desktop's picker: the queues by name and the other agents with
 * their state, and nothing about anyone's calls. Immutable.
 */
record TransferTargets(List<String> queues, List<Agent> agents) {

    TransferTargets {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /** Another agent and their state (an {@code AgentStatus} name), so the agent picks one who is Ready. */
    record Agent(String agentId, String status) {
    }
}

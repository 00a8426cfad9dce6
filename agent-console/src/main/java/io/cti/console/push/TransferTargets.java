package io.cti.console.push;

import java.util.List;

/**
 * What an agent may transfer their call to, for the desktop's picker: the queues by name and the other agents with
 * their name and state, and nothing about anyone's calls. Immutable.
 */
record TransferTargets(List<String> queues, List<Agent> agents) {

    TransferTargets {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /** Another agent, their name (their id when unknown) and state (an {@code AgentStatus} name). */
    record Agent(String agentId, String name, String status) {
    }
}

package io.cti.console.push;

import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.QueueFiguresUpdated;

import java.util.List;

/**
 * Where the console learns, once at start, the agents' states and the queues' figures as they are before any event
 * reaches it (after a restart the next event about an agent may be hours away). The application supplies it where
 * the router's state is at hand; without one the console knows what the events tell it. Implementations are
 * thread-safe.
 */
public interface LiveStateSource {

    List<AgentStateChanged> agentStates();

    List<QueueFiguresUpdated> queueFigures();
}

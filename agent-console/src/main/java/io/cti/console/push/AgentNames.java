package io.cti.console.push;

import io.cti.core.ids.AgentId;

import java.util.Map;

/**
 * Where the console learns the agents' names, for the desktop's transfer picker. The application supplies it where
 * the router's agent directory is at hand; without one the picker shows agent ids. Implementations are thread-safe.
 */
@FunctionalInterface
public interface AgentNames {

    /** Every agent's name by id, as the directory has it now. */
    Map<AgentId, String> names();
}

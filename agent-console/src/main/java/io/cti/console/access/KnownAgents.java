package io.cti.console.access;

import io.cti.core.ids.AgentId;

/**
 * Tells the console whether an agent id exists in the router's agent directory, so an administrator cannot link a
 * user to an agent nobody routes calls to. The application supplies it where the router's directory is at hand;
 * without one every well-formed id is accepted. Implementations are thread-safe.
 */
@FunctionalInterface
public interface KnownAgents {

    boolean exists(AgentId agent);
}

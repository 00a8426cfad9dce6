package io.cti.router.routing;

/**
 * How a queue chooses among the Ready agents that have the skills a call needs; the names follow Asterisk
 * app_queue's strategies where one exists. Sticky agent (the customer's last agent) is a queue option applied
 * before any strategy.
 */
public enum RoutingStrategy {
    /** The agent idle longest since their last call (app_queue's {@code leastrecent}). */
    LONGEST_IDLE,
    /** The agent who has handled the fewest calls today ({@code fewestcalls}). */
    FEWEST_CALLS,
    /** Round robin that remembers where it stopped ({@code rrmemory}). */
    ROUND_ROBIN,
    /** Any eligible agent, uniformly at random ({@code random}). */
    RANDOM,
    /** The agent with the highest proficiency in the call's skills, longest idle breaking ties. */
    SKILL_WEIGHTED
}

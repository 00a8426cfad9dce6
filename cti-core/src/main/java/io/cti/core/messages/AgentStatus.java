package io.cti.core.messages;

/** An agent's state as other modules see it (the router owns the rules of moving between them). */
public enum AgentStatus {
    LOGGED_OUT,
    READY,
    RESERVED,
    RINGING,
    ON_CALL,
    WRAP_UP,
    NOT_READY
}

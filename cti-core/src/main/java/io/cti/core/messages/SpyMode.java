package io.cti.core.messages;

/** How a supervisor joins an agent's call: only listening, speaking to the agent alone, or speaking to both. Immutable. */
public enum SpyMode {
    LISTEN,
    WHISPER,
    BARGE
}

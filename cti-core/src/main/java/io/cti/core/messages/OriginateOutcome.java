package io.cti.core.messages;

/** How an outbound call attempt placed by the platform ended before any agent was involved. Immutable. */
public enum OriginateOutcome {
    ANSWERED,
    BUSY,
    NO_ANSWER,
    CONGESTION,
    FAILED
}

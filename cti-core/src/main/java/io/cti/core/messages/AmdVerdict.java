package io.cti.core.messages;

/** What answering-machine detection concluded about an answered outbound call. Immutable. */
public enum AmdVerdict {
    HUMAN,
    MACHINE,
    NOTSURE
}

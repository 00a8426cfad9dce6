package io.cti.core.messages;

/** How a call was handed on by its agent: straight to a destination, or after the agent spoke to it first. Immutable. */
public enum TransferKind {
    BLIND,
    ATTENDED
}

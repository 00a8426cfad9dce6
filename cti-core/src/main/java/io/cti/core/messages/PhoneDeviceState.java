package io.cti.core.messages;

/** The state of a phone (a PBX device) as the PBX reports it; {@code UNKNOWN} covers anything else it sends. Immutable. */
public enum PhoneDeviceState {
    NOT_INUSE,
    INUSE,
    BUSY,
    RINGING,
    RINGINUSE,
    ONHOLD,
    UNAVAILABLE,
    INVALID,
    UNKNOWN
}

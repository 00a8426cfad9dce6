package io.cti.core.messages;

/**
 * Who ended a call. {@code PLATFORM} when this platform asked for the hang-up, {@code PBX} when the dialplan or
 * the PBX itself ended it (timeout, busy, congestion), {@code UNKNOWN} when nobody can tell (e.g. the call was
 * lost while the platform was disconnected from the PBX). Immutable.
 */
public enum HangupParty {
    CUSTOMER,
    AGENT,
    PLATFORM,
    PBX,
    UNKNOWN
}

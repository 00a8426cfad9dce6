package io.cti.core.messages;

import io.cti.core.ids.CallId;

/**
 * A command made for one reservation of a call, carrying that reservation's fencing token, so that whoever executes
 * it can ignore it once the reservation is no longer current (the router that sent it died or stalled, and the
 * call went back to its queue or to another agent). A null token means the command is fenced by nothing (a test's,
 * an older producer's, or one made without a reservation, such as a click-to-dial) and is executed as before.
 * Implemented by immutable command records.
 */
public interface ReservationFenced {

    CallId callId();

    /** The fencing token of the reservation the command was made for, or null for none. */
    Long fencingToken();
}

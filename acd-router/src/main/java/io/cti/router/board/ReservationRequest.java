package io.cti.router.board;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.reservations.RouterId;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One reservation to make on the board ({@link AgentBoard#reserve}): the call, the agent, how long the reservation
 * may wait for the phone to ring, the router making it, and what to file in the call's record in the same step
 * (fields, the field that gets the fencing token, and how long the record is kept). Immutable.
 *
 * @param recordTokenField the record field the token is written to, or empty for none
 */
public record ReservationRequest(CallId call, AgentId agent, Duration timeout, RouterId router,
                                 Map<String, String> recordFields, String recordTokenField, Duration recordKeep) {

    public ReservationRequest {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(router, "router");
        recordFields = Map.copyOf(recordFields);
        Objects.requireNonNull(recordTokenField, "recordTokenField");
        Objects.requireNonNull(recordKeep, "recordKeep");
        if (recordKeep.toMillis() < 1) {
            throw new IllegalArgumentException("a call's record must be kept a millisecond at least: " + recordKeep);
        }
    }
}

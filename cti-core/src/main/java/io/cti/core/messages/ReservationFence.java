package io.cti.core.messages;

import io.cti.core.ids.CallId;

/**
 * The question the executor of a {@link ReservationFenced} command asks before acting: is this fencing token still
 * the current reservation of this call? Answered by the router's reservations store; lets the PBX bridge ignore a
 * late command without depending on the router. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ReservationFence {

    /** For a deployment without a router: every token counts as current, every command is executed. */
    ReservationFence NONE = (call, token) -> true;

    boolean isCurrent(CallId call, long token);

    /** Whether {@code command} may be executed: it carries no token, or its token is still current. */
    default boolean admits(ReservationFenced command) {
        Long token = command.fencingToken();
        return token == null || isCurrent(command.callId(), token);
    }
}

package io.cti.router.board;

import io.cti.core.ids.CallId;
import io.cti.router.agents.AgentState;

import java.time.Instant;
import java.util.Objects;

/**
 * What a handler wants done to an agent, decided from the entry it just read: a state move, a wrap-up for a call,
 * a Not ready reason to apply once the current call is done, or nothing. Immutable.
 *
 * @param next     the state to move to, or null to leave the state as it is
 * @param afterCall with {@code setAfterCall}, the reason to go Not ready with after the call (null: go Ready)
 */
public record BoardChange(AgentState next, CallId wrapUpCall, String afterCall, boolean setAfterCall) {

    private static final BoardChange NONE = new BoardChange(null, null, null, false);

    public static BoardChange to(AgentState next) {
        return new BoardChange(Objects.requireNonNull(next, "next"), null, null, false);
    }

    public static BoardChange wrapUp(Instant endsAt, CallId call) {
        return new BoardChange(new AgentState.WrapUp(endsAt), Objects.requireNonNull(call, "call"), null, false);
    }

    /** Leaves the state but remembers to go Not ready with {@code reason} (or Ready, if null) once the call is done. */
    public static BoardChange afterCall(String reason) {
        return new BoardChange(null, null, reason, true);
    }

    public static BoardChange none() {
        return NONE;
    }

    boolean isNone() {
        return next == null && !setAfterCall;
    }
}

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
 * @param ownCall  the move reserves the agent for a call of their own ({@link #ownCall})
 */
public record BoardChange(AgentState next, CallId wrapUpCall, String afterCall, boolean setAfterCall,
                          boolean ownCall) {

    private static final BoardChange NONE = new BoardChange(null, null, null, false);

    public BoardChange(AgentState next, CallId wrapUpCall, String afterCall, boolean setAfterCall) {
        this(next, wrapUpCall, afterCall, setAfterCall, false);
    }

    /**
     * Reserves the agent for {@code call}, a call of their own (click-to-dial), straight from Ready or Not ready in
     * one compare-and-set, leaving the ready set: they never pass through a Ready another router could route to.
     * After the call they go Not ready with {@code afterCall}, or Ready if null.
     */
    public static BoardChange ownCall(CallId call, String afterCall) {
        return new BoardChange(new AgentState.Reserved(Objects.requireNonNull(call, "call")), null, afterCall, true,
                true);
    }

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

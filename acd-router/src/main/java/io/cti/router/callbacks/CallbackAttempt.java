package io.cti.router.callbacks;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.OriginateOutcome;

import java.time.Instant;
import java.util.Objects;

/**
 * One dial of a callback's customer: the {@code attempt}-th, made on {@code call} by {@code agent} (null when
 * unknown), how it went and the PBX's word for it ({@code dialStatus}). Immutable.
 */
public record CallbackAttempt(int attempt, CallId call, AgentId agent, OriginateOutcome outcome, String dialStatus,
                              Instant at) {

    public CallbackAttempt {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(dialStatus, "dialStatus");
        Objects.requireNonNull(at, "at");
    }
}

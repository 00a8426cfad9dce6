package io.cti.router.queues;

import java.time.Duration;
import java.util.Objects;

/** After a call has waited {@code after} in its queue, {@code action} applies to it. Immutable. */
public record OverflowStep(Duration after, OverflowAction action) {

    public OverflowStep {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(action, "action");
    }
}

package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.callbacks.Callback;
import io.cti.router.callbacks.CallbackKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A virtual-hold callback in its queue's figures. It is the caller's contact, the one they made when they called
 * and chose to be called back, so it counts once, under that first call's id: answered when the customer picks up
 * with the agent on the line (not when the agent's phone is answered, which may still reach nobody), abandoned when
 * it is given up with the customer never reached; either way its wait runs from the caller's original arrival, the
 * place the callback kept. A callback an agent scheduled is the center's own outbound work: it counts in no queue's
 * answered, abandoned or ASA. Not thread-safe: the flow calls it under its lock.
 */
final class CallbackOutcomes {

    private final QueueFiguresDesk figures;

    CallbackOutcomes(QueueFiguresDesk figures) {
        this.figures = figures;
    }

    /** The customer of {@code callback} answered at {@code at}, the callback routed in {@code queue}. */
    void answered(Callback callback, QueueName queue, Instant at) {
        contact(callback).ifPresent(call -> figures.answered(queue, call, at, waited(callback, at)));
    }

    /** {@code callback} was given up at {@code at}, its customer not reached. */
    void abandoned(Callback callback, Instant at) {
        contact(callback).ifPresent(call -> figures.abandoned(callback.queue(), call, at, waited(callback, at)));
    }

    private static Optional<CallId> contact(Callback callback) {
        return callback.kind() == CallbackKind.VIRTUAL_HOLD ? Optional.ofNullable(callback.sourceCall())
                : Optional.empty();
    }

    private static Duration waited(Callback callback, Instant at) {
        Duration waited = Duration.between(callback.enteredAt(), at);
        return waited.isNegative() ? Duration.ZERO : waited;
    }
}

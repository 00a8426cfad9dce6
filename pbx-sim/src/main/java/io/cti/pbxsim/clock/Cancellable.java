package io.cti.pbxsim.clock;

/** A scheduled task that may still be called off. Cancelling is idempotent and thread-safe. */
@FunctionalInterface
public interface Cancellable {

    /** A handle for something that was never scheduled. */
    Cancellable NONE = () -> { };

    /** Calls the task off if it has not started; does nothing otherwise. */
    void cancel();
}

package io.cti.core.bus;

/**
 * A subscription that is reading and handling messages until closed. Thread-safe; closing is idempotent.
 */
public interface RunningSubscription extends AutoCloseable {

    Subscription subscription();

    /** False once closed, or when its polling thread ended. */
    boolean isRunning();

    /**
     * Stops reading and waits for the polling thread to end, normally within the block timeout (longer only
     * if a handler is still busy). Entries read but not yet handled stay pending and are claimed later.
     */
    @Override
    void close();
}

package io.cti.router.callbacks;

/** Where a callback stands. */
public enum CallbackStatus {
    /** Waiting for its due time (the first one, or the retry after the customer was not reached). */
    PENDING,
    /** In its queue, or being called: in the router's hands. */
    QUEUED,
    /** The customer was reached. */
    DONE,
    /** Not reached after its attempts (or its queue no longer takes calls). */
    GAVE_UP,
    /** Withdrawn before it was due. */
    CANCELLED;

    /** Whether the callback may still happen. */
    public boolean isOpen() {
        return this == PENDING || this == QUEUED;
    }
}

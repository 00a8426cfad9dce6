package io.cti.router;

/**
 * Root of every failure raised by the ACD router: queues, agents, skills, routing, reservations,
 * queue statistics and screen-pop composition.
 * Instances are immutable and thread-safe.
 */
public class RouterException extends RuntimeException {

    private final String errorId;

    /**
     * Subclasses and factories name the failure with a stable {@code errorId} (such as
     * {@code agent-already-reserved}) so callers and logs can tell failures apart without parsing messages.
     */
    protected RouterException(String errorId, String message, Throwable cause) {
        super(message, cause);
        this.errorId = errorId;
    }

    /** A stable, machine-readable id of the failure. */
    public String errorId() {
        return errorId;
    }
}

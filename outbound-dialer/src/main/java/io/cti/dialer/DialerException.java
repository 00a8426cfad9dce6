package io.cti.dialer;

/**
 * Root of every failure raised by the outbound dialer: call lists, campaigns, pacing, best time to call
 * and dialing compliance (calling windows, Do-Not-Call, abandon cap).
 * Instances are immutable and thread-safe.
 */
public class DialerException extends RuntimeException {

    private final String errorId;

    /**
     * Subclasses and factories name the failure with a stable {@code errorId} (such as
     * {@code outside-calling-window}) so callers and logs can tell failures apart without parsing messages.
     */
    protected DialerException(String errorId, String message, Throwable cause) {
        super(message, cause);
        this.errorId = errorId;
    }

    /** A stable, machine-readable id of the failure. */
    public String errorId() {
        return errorId;
    }
}

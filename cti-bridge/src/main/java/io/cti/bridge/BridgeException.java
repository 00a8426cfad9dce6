package io.cti.bridge;

/**
 * Root of every failure raised by the CTI bridge, the only part of the platform that talks to Asterisk
 * over AMI: connecting, translating events, executing commands and resynchronising state.
 * Instances are immutable and thread-safe.
 */
public class BridgeException extends RuntimeException {

    private final String errorId;

    /**
     * Subclasses and factories name the failure with a stable {@code errorId} (such as
     * {@code ami-connection-lost}) so callers and logs can tell failures apart without parsing messages.
     */
    protected BridgeException(String errorId, String message, Throwable cause) {
        super(message, cause);
        this.errorId = errorId;
    }

    /** A stable, machine-readable id of the failure. */
    public String errorId() {
        return errorId;
    }
}

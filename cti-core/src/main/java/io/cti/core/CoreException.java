package io.cti.core;

import io.cti.core.phone.PhoneNumber;

/**
 * Root of every failure raised by the shared kernel; each factory names the offending input.
 * Immutable and thread-safe.
 */
public class CoreException extends RuntimeException {

    private final String errorId;

    protected CoreException(String errorId, String message, Throwable cause) {
        super(message, cause);
        this.errorId = errorId;
    }

    /** A stable, machine-readable id such as {@code invalid-phone-number}. */
    public String errorId() {
        return errorId;
    }

    public static CoreException invalidPhoneNumber(String input, String why) {
        return new CoreException("invalid-phone-number", "not a phone number: '" + input + "' (" + why + ")", null);
    }

    public static CoreException embeddedServerFailed(String server, Throwable cause) {
        return new CoreException("embedded-server-failed",
                "the embedded " + server + " could not be started: " + cause.getMessage(), cause);
    }

    /** Another running process holds the folder's lock: starting a second server on it would corrupt its data. */
    public static CoreException dataFolderInUse(String server, String dataDirectory, String lockFile) {
        return new CoreException("data-folder-in-use", "the embedded " + server + " could not be started: its data"
                + " folder " + dataDirectory + " is in use by another running process (it holds " + lockFile
                + "); stop that process, or give this one a data folder of its own", null);
    }

    public static CoreException unknownMessageType(String type) {
        return new CoreException("unknown-message-type", "no domain message type named '" + type + "'", null);
    }

    public static CoreException undecodableMessage(String entryId, Throwable cause) {
        return new CoreException("undecodable-message",
                "bus entry " + entryId + " could not be decoded: " + cause.getMessage(), cause);
    }

    public static CoreException busFailure(String what, Throwable cause) {
        return new CoreException("bus-failure", what + ": " + cause.getMessage(), cause);
    }

    public static CoreException noSuchCustomer(String reference) {
        return new CoreException("no-such-customer", "no customer " + reference, null);
    }

    public static CoreException database(String what, Throwable cause) {
        // The server's message may quote the refused row, phone numbers included.
        return new CoreException("database-failure", what + ": " + PhoneNumber.maskNumbersIn(cause.getMessage()), cause);
    }

    public static CoreException staleCustomer(String reference, int expectedVersion, int actualVersion) {
        return new CoreException("stale-customer", "customer " + reference + " was changed by someone else (version "
                + actualVersion + ", expected " + expectedVersion + "); reload and apply the change again", null);
    }

    public static CoreException noSuchRecord(String what) {
        return new CoreException("no-such-record", "no " + what, null);
    }

    public static CoreException noSuchInteraction(long interactionId, String customer) {
        return new CoreException("no-such-interaction", "no interaction " + interactionId + " of customer " + customer, null);
    }
}

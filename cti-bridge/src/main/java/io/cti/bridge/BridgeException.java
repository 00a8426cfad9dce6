package io.cti.bridge;

import io.cti.core.phone.PhoneNumber;

import java.time.Duration;

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

    /**
     * A value bound for an AMI action holds a character that could end the header line or the action
     * ({@code what} names it); the whole command is refused and nothing is sent.
     */
    public static BridgeException unsafeValue(String field, String value, String what) {
        return new BridgeException("ami-unsafe-value", "refused: " + field + " contains " + what
                + " (value " + printable(value) + "); the command was not sent", null);
    }

    /** A value bound for an AMI action is longer than one AMI header line can safely carry; nothing is sent. */
    public static BridgeException valueTooLong(String field, int length, int limit) {
        return new BridgeException("ami-value-too-long", "refused: " + field + " is " + length
                + " bytes long, more than the " + limit + " an AMI header line may carry; the command was not sent",
                null);
    }

    /** A command names a call the bridge does not know (never seen, or already ended). */
    public static BridgeException unknownCall(String callId, String command) {
        return new BridgeException("unknown-call", command + " names call " + callId
                + ", which the bridge does not know or which has ended", null);
    }

    /** A command's value is well-formed for the domain but not usable on the PBX (e.g. a 3-day ring timeout). */
    public static BridgeException invalidCommand(String command, String field, String reason) {
        return new BridgeException("invalid-command", command + "." + field + ": " + reason, null);
    }

    /** The AMI link is not up, so the action {@code action} was not sent. */
    public static BridgeException linkDown(String action, String state) {
        return new BridgeException("ami-link-down", "cannot send " + action + ": the AMI link is " + state, null);
    }

    /** The AMI link was closed by the platform; nothing more is sent. */
    public static BridgeException linkClosed(String action) {
        return new BridgeException("ami-link-closed", "cannot send " + action + ": the AMI link is closed", null);
    }

    /** The PBX did not answer {@code action} within the action timeout. */
    public static BridgeException actionTimeout(String action, Duration timeout) {
        return new BridgeException("ami-action-timeout", "no answer to " + action + " within " + timeout.toMillis()
                + " ms", null);
    }

    /** The PBX answered {@code action} with an error. */
    public static BridgeException actionFailed(String action, String pbxMessage) {
        return new BridgeException("ami-action-failed", "the PBX refused " + action + ": " + printable(pbxMessage),
                null);
    }

    /** Writing {@code action} to the socket failed. */
    public static BridgeException sendFailed(String action, Throwable cause) {
        return new BridgeException("ami-send-failed", "could not send " + action + ": " + cause.getMessage(), cause);
    }

    /** Connecting or logging in to the PBX at {@code host:port} failed. */
    public static BridgeException loginFailed(String host, int port, Throwable cause) {
        return new BridgeException("ami-login-failed", "could not log in to AMI at " + host + ":" + port + ": "
                + cause.getMessage(), cause);
    }

    /** A bridge setting is out of its range. */
    public static BridgeException invalidSetting(String name, Object value, String reason) {
        return new BridgeException("invalid-bridge-setting", "cti.bridge." + name + " = " + value + ": " + reason,
                null);
    }

    /**
     * The value masked like a phone number (it may be one) and with control characters spelled out, so that
     * neither a customer's data nor a line break reaches the log.
     */
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String masked = PhoneNumber.mask(value);
        StringBuilder out = new StringBuilder(masked.length() + 2).append('\'');
        masked.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                    || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
